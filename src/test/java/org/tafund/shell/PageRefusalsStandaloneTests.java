package org.tafund.shell;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.junit.jupiter.api.Test;
import org.springframework.context.MessageSourceResolvable;
import org.springframework.stereotype.Controller;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.tafund.shared.BusinessRuleViolation;
import org.tafund.shared.RefusalReturnsTo;

/** The page advice on its own, with a controller of its own: no database, no security. */
class PageRefusalsStandaloneTests {

	record ThingForm(String name, String size) {
	}

	@Controller
	static class Things {

		@PostMapping("/things/{id}")
		@RefusalReturnsTo("/things/{id}/edit?tab={tab}#thing-form")
		String update(@PathVariable long id, @ModelAttribute("form") ThingForm form, BindingResult result) {
			throw "size".equals(form.name()) ? BusinessRuleViolation.ofField("size", "thing.size.tooBig", 3)
					: new BusinessRuleViolation("thing.refused");
		}

		@PostMapping("/things/{id}/archive")
		@RefusalReturnsTo(value = "/things/{id}", problem = "archiveProblem")
		String archive(@PathVariable long id, @RequestParam long version) {
			throw new BusinessRuleViolation("thing.archived", id);
		}

		@PostMapping("/things/{id}/lost")
		String lost(@PathVariable long id) {
			throw new BusinessRuleViolation("thing.lost");
		}

	}

	final MockMvc mvc = MockMvcBuilders.standaloneSetup(new Things()).setControllerAdvice(new PageRefusals()).build();

	@Test
	void returnsToTheNamedPageWithTheFormAndTheRefusalBesideItsField() throws Exception {
		var refused = mvc.perform(post("/things/7").param("name", "size").param("size", "XXL").param("tab", "main"))
			.andExpect(status().isFound())
			.andExpect(redirectedUrl("/things/7/edit?tab=main#thing-form"))
			.andReturn();
		assertThat(refused.getFlashMap().get("form")).isEqualTo(new ThingForm("size", "XXL"));
		var result = (BindingResult) refused.getFlashMap().get(BindingResult.MODEL_KEY_PREFIX + "form");
		assertThat(result.getFieldError("size").getCode()).isEqualTo("thing.size.tooBig");
		assertThat(result.getFieldError("size").getArguments()).containsExactly(3);
		assertThat(result.getFieldValue("size")).isEqualTo("XXL");
	}

	@Test
	void putsARefusalWithoutAFieldAboveTheForm() throws Exception {
		var refused = mvc.perform(post("/things/7").param("name", "other").param("tab", "main"))
			.andExpect(redirectedUrl("/things/7/edit?tab=main#thing-form"))
			.andReturn();
		var result = (BindingResult) refused.getFlashMap().get(BindingResult.MODEL_KEY_PREFIX + "form");
		assertThat(result.getGlobalError().getCode()).isEqualTo("thing.refused");
		assertThat(result.getFieldErrors()).isEmpty();
	}

	@Test
	void givesAHandlerWithoutAFormTheRefusalUnderTheNameItChose() throws Exception {
		var refused = mvc.perform(post("/things/7/archive").param("version", "1"))
			.andExpect(redirectedUrl("/things/7"))
			.andExpect(flash().attributeExists("archiveProblem"))
			.andReturn();
		var problem = (MessageSourceResolvable) refused.getFlashMap().get("archiveProblem");
		assertThat(problem.getCodes()).containsExactly("thing.archived");
		assertThat(problem.getArguments()).containsExactly(7L);
	}

	@Test
	void answersAHandlerThatNamesNoPageWithTheErrorPageNotA500() throws Exception {
		mvc.perform(post("/things/7/lost")).andExpect(status().isUnprocessableContent());
	}

}
