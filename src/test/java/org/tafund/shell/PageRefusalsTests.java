package org.tafund.shell;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Controller;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import org.tafund.shared.RefusalReturnsTo;
import org.tafund.support.IntegrationTest;
import org.tafund.support.Unique;

/**
 * The one advice that answers a business-rule refusal of a page form: a redirect to the form's
 * page (Post/Redirect/Get, so the address bar never shows the POST address), the form as typed and
 * the refusal beside the field it names, or above the form; nothing stored.
 */
@IntegrationTest
class PageRefusalsTests {

	static final RequestPostProcessor DONOR_OFFICER = user("donor.officer").roles("DONOR_RELATIONS");

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	ApplicationContext context;

	@Test
	void redirectsARefusedFormToItsPageWithTheInputAndTheMessageBesideTheField() throws Exception {
		var name = Unique.name("Refused Member State");
		// Bean Validation passes (name and type given); the domain refuses a Member State without a country.
		var refused = mvc
			.perform(post("/donors").with(DONOR_OFFICER)
				.with(csrf())
				.param("name", name)
				.param("type", "MEMBER_STATE")
				.param("notes", "Typed before the refusal"))
			.andExpect(status().isFound())
			.andExpect(redirectedUrl("/donors/new"))
			.andReturn();
		var result = (BindingResult) refused.getFlashMap().get(BindingResult.MODEL_KEY_PREFIX + "form");
		assertThat(result.getFieldError("country")).isNotNull();
		assertThat(result.getFieldError("country").getCode()).isEqualTo("donor.country.required");
		assertThat(refused.getFlashMap().get("form")).isNotNull();

		var page = mvc.perform(get("/donors/new").with(DONOR_OFFICER).with(org.tafund.support.TestSession.of(refused)))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(page).contains("value=\"" + name + "\"")
			.contains("Typed before the refusal")
			.containsPattern("(?s)<select[^>]*is-invalid[^>]*id=\"country\".*?"
					+ "<div class=\"invalid-feedback\">A Member State donor needs its country.</div>");
		assertThat(jdbc.queryForObject("select count(*) from donor where name = ?", Integer.class, name)).isZero();
	}

	@Test
	void redirectsARefusalOfTheWholeFormWithTheMessageAboveIt() throws Exception {
		var finance = user("finance.officer").roles("FINANCE");
		// A day of its own for this run: the rates table is shared by every test.
		var day = java.time.LocalDate.of(1990, 1, 1).plusDays(Math.floorMod(Unique.suffix().hashCode(), 40_000));
		mvc.perform(post("/exchange-rates").with(finance)
			.with(csrf())
			.param("currency", "CHF")
			.param("effectiveDate", day.toString())
			.param("unitsPerUsd", "0.9"))
			.andExpect(redirectedUrl("/exchange-rates"));
		// The same rate again: refused as a whole (fx.duplicate), not beside one field.
		var refused = mvc
			.perform(post("/exchange-rates").with(finance)
				.with(csrf())
				.param("currency", "CHF")
				.param("effectiveDate", day.toString())
				.param("unitsPerUsd", "0.95"))
			.andExpect(status().isFound())
			.andExpect(redirectedUrl("/exchange-rates"))
			.andReturn();
		var result = (BindingResult) refused.getFlashMap().get(BindingResult.MODEL_KEY_PREFIX + "form");
		assertThat(result.getGlobalError().getCode()).isEqualTo("fx.duplicate");
		var page = mvc.perform(get("/exchange-rates").with(finance).with(org.tafund.support.TestSession.of(refused)))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(page).contains("value=\"0.95\"").contains(day.toString()).contains("CHF");
		assertThat(page).containsPattern("alert-danger[^>]*>[\\s\\S]*?" + day);
		assertThat(jdbc.queryForObject("select units_per_usd from exchange_rate where currency = 'CHF' and effective_date = ?",
				java.math.BigDecimal.class, day)).isEqualByComparingTo("0.9");
	}

	@Test
	void everyPagePostNamesThePageARefusalReturnsTo() {
		var mapping = context.getBean("requestMappingHandlerMapping", RequestMappingHandlerMapping.class);
		List<String> unnamed = new ArrayList<>();
		for (HandlerMethod handler : mapping.getHandlerMethods().values()) {
			var type = handler.getBeanType();
			if (AnnotatedElementUtils.hasAnnotation(type, Controller.class)
					&& !AnnotatedElementUtils.hasAnnotation(type, RestController.class)
					&& handler.hasMethodAnnotation(PostMapping.class)
					&& !handler.hasMethodAnnotation(RefusalReturnsTo.class)) {
				unnamed.add(handler.getShortLogMessage());
			}
		}
		assertThat(unnamed).isEmpty();
	}

	/**
	 * A refused form rides the redirect in the session, and sessions are rows in the database: every
	 * page form, and everything it holds, must serialize, or the refusal becomes a 500.
	 */
	@Test
	void everyPageFormCanBeKeptInTheSessionAcrossTheRedirect() {
		var mapping = context.getBean("requestMappingHandlerMapping", RequestMappingHandlerMapping.class);
		var unserializable = new java.util.TreeSet<String>();
		for (HandlerMethod handler : mapping.getHandlerMethods().values()) {
			var parameters = handler.getMethodParameters();
			for (int i = 1; i < parameters.length; i++) {
				if (org.springframework.validation.Errors.class.isAssignableFrom(parameters[i].getParameterType())) {
					var form = parameters[i - 1];
					unserializable.addAll(unserializable(form.getGenericParameterType(), form.getParameterType().getName(),
							new java.util.HashSet<>()));
				}
			}
		}
		assertThat(unserializable).isEmpty();
	}

	private static List<String> unserializable(java.lang.reflect.Type type, String path, java.util.Set<java.lang.reflect.Type> seen) {
		if (!seen.add(type)) {
			return List.of();
		}
		var found = new ArrayList<String>();
		if (type instanceof java.lang.reflect.ParameterizedType parameterized) {
			found.addAll(unserializable(parameterized.getRawType(), path, seen));
			for (var argument : parameterized.getActualTypeArguments()) {
				found.addAll(unserializable(argument, path + "<>", seen));
			}
		}
		else if (type instanceof Class<?> c && !c.isPrimitive() && !c.isEnum()) {
			if (c.isInterface() && java.util.Collection.class.isAssignableFrom(c) || java.util.Map.class.isAssignableFrom(c)) {
				return found;
			}
			if (!java.io.Serializable.class.isAssignableFrom(c)) {
				found.add(path + " (" + c.getName() + ")");
			}
			else if (c.isRecord()) {
				for (var component : c.getRecordComponents()) {
					found.addAll(unserializable(component.getGenericType(), path + "." + component.getName(), seen));
				}
			}
		}
		return found;
	}

}
