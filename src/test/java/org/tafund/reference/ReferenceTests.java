package org.tafund.reference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.model;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.Locale;

import org.hamcrest.Matchers;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import org.tafund.shared.BusinessRuleViolation;
import org.tafund.support.IntegrationTest;
import org.tafund.support.Refused;
import org.tafund.support.Unique;

@IntegrationTest
class ReferenceTests {

	@Autowired
	CountryCatalogue countries;

	@Autowired
	ReferenceCatalogue reference;

	@Autowired
	MockMvc mvc;

	@Test
	void seedsTheClassificationDacCodesAndEntities() {
		assertThat(countries.find("SEN", Locale.ENGLISH).orElseThrow().classification()).isEqualTo(Classification.DEVELOPING);
		assertThat(countries.find("UKR", Locale.ENGLISH).orElseThrow().classification()).isEqualTo(Classification.TRANSITION);
		assertThat(countries.find("NOR", Locale.ENGLISH).orElseThrow().classification()).isEqualTo(Classification.DEVELOPED);
		assertThat(countries.find("SEN", Locale.FRENCH).orElseThrow().name()).isEqualTo("Sénégal");
		assertThat(reference.dacCodeExists("15130")).isTrue();
		assertThat(reference.dacCodes()).hasSizeGreaterThanOrEqualTo(70);
		assertThat(reference.implementingEntities()).extracting(ReferenceCatalogue.Entity::code).contains("UNICRI", "UNODC-HQ");
	}

	@Test
	void anImplementingEntityNeedsACodeANameAndAKindAndItsOwnCode() throws Exception {
		var code = Unique.name("TEST-OFFICE").toUpperCase(Locale.ROOT);
		var admin = user("admin").roles("ADMIN");
		// Without a name: the page again, the message beside the name and the code as typed.
		mvc.perform(post("/admin/entities").with(admin).with(csrf()).param("code", code).param("name", " ")
			.param("kind", "PNI_INSTITUTE"))
			.andExpect(status().isOk())
			.andExpect(model().attributeHasFieldErrorCode("entityForm", "name", "NotBlank"))
			.andExpect(content().string(containsString("value=\"" + code + "\"")))
			.andExpect(content().string(containsString("<option value=\"PNI_INSTITUTE\" selected=\"selected\">")))
			.andExpect(content().string(containsString(
					"<div class=\"invalid-feedback\" id=\"name-error\">Give the name.</div>")));
		mvc.perform(post("/admin/entities").with(admin).with(csrf()).param("code", code).param("name", "Test office")
			.param("kind", "SOMETHING"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString(
					"<div class=\"invalid-feedback\" id=\"kind-error\">Choose the kind.</div>")));
		assertThat(reference.implementingEntity(code)).isEmpty();
		assertThatThrownBy(() -> reference.addImplementingEntity(code, "", "UNODC_OFFICE"))
			.isInstanceOfSatisfying(BusinessRuleViolation.class,
					e -> assertThat(e.messageKey()).isEqualTo("entity.incomplete"));
		assertThat(reference.implementingEntity(code)).isEmpty();
		mvc.perform(post("/admin/entities").with(admin)
			.with(csrf())
			.param("code", code)
			.param("name", "Test office")
			.param("kind", "UNODC_OFFICE")).andExpect(status().is3xxRedirection())
			.andExpect(flash().attribute("message", "reference.saved"));
		// A code already used: refused by the catalogue, shown beside the code with what was typed.
		var taken = Refused.redirect(mvc, post("/admin/entities")
			.param("code", code.toLowerCase(Locale.ROOT))
			.param("name", "Same office again")
			.param("kind", "UNODC_OFFICE"), admin, "/admin/reference#entity-form");
		assertThat(Refused.fieldError(taken, "entityForm", "code")).isEqualTo("entity.code.taken");
		assertThat(Refused.follow(mvc, taken, admin)).contains("value=\"Same office again\"")
			.contains("<div class=\"invalid-feedback\" id=\"code-error\">The code " + code + " is already used.</div>");
		assertThat(reference.implementingEntity(code)).hasValueSatisfying(e -> assertThat(e.name()).isEqualTo("Test office"));
	}

	@Test
	void anAdministratorReclassifiesACountryAndTheChangeIsAudited() throws Exception {
		// Countries are shared reference data: put Montenegro back as it was, whatever happens here.
		var before = countries.find("MNE", Locale.ENGLISH).orElseThrow().classification();
		try {
			reclassifyMontenegro();
		}
		finally {
			countries.classify("MNE", before);
		}
	}

	private void reclassifyMontenegro() throws Exception {
		// The database keeps earlier runs' changes: count this one among them.
		var changesBefore = history("MNE").split("</span><span>developed", -1).length;
		mvc.perform(post("/admin/countries/MNE/classification").with(user("admin").roles("ADMIN"))
			.with(csrf())
			.param("classification", "DEVELOPED")).andExpect(status().is3xxRedirection());
		assertThat(countries.find("MNE", Locale.ENGLISH).orElseThrow().classification()).isEqualTo(Classification.DEVELOPED);
		var history = history("MNE");
		assertThat(history).contains(" → </span><span>developed");
		assertThat(history.split("</span><span>developed", -1).length).isEqualTo(changesBefore + 1);
		mvc.perform(post("/admin/countries/MNE/classification").with(user("finance.officer").roles("FINANCE"))
			.with(csrf())
			.param("classification", "TRANSITION")).andExpect(status().isForbidden());
	}

	private String history(String country) throws Exception {
		return mvc.perform(get("/history/Country/" + country).with(user("auditor").roles("AUDITOR")))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
	}


	@Test
	void theCountriesAreSearchedAsPeopleTypeFilteredByRegionAndPaged() throws Exception {
		var admin = user("admin").roles("ADMIN");
		// Any part of the name, without regard to case or accents; or the code.
		for (var typed : java.util.List.of("cote d", "CIV")) {
			mvc.perform(get("/admin/reference").param("q", typed).with(admin))
				.andExpect(status().isOk())
				.andExpect(content().string(containsString("(CIV)")))
				.andExpect(content().string(containsString(">1 country<")))
				.andExpect(content().string(Matchers.not(containsString("(SEN)"))));
		}
		// A region, named in the reader's language (CLDR), narrows the list.
		mvc.perform(get("/admin/reference").param("region", "Western Africa").param("lang", "fr").with(admin))
			.andExpect(content().string(containsString("(SEN)")))
			.andExpect(content().string(containsString("Afrique occidentale")))
			.andExpect(content().string(Matchers.not(containsString("(NOR)"))));
		// Fifty a page: the second page starts where the first ended.
		var first = mvc.perform(get("/admin/reference").with(admin)).andReturn().getResponse().getContentAsString();
		var second = mvc.perform(get("/admin/reference").param("page", "1").with(admin)).andReturn().getResponse()
			.getContentAsString();
		assertThat(first).contains("id=\"country-pages\"", "(AFG)").doesNotContain("(ZWE)");
		assertThat(second).doesNotContain("(AFG)");
		assertThat(first.split("/classification\"", -1).length - 1).isEqualTo(50);
	}

}
