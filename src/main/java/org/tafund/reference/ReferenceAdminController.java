package org.tafund.reference;

import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.context.support.DefaultMessageSourceResolvable;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.tafund.shared.BusinessRuleViolation;

/** Reference data kept by administrators: country classifications and implementing entities. */
@Controller
@RequestMapping("/admin")
class ReferenceAdminController {

	private final CountryCatalogue countries;

	private final ReferenceCatalogue reference;

	ReferenceAdminController(CountryCatalogue countries, ReferenceCatalogue reference) {
		this.countries = countries;
		this.reference = reference;
	}

	@GetMapping("/reference")
	String show(Model model) {
		model.addAttribute("countries", countries.all(LocaleContextHolder.getLocale()));
		model.addAttribute("classifications", Classification.values());
		model.addAttribute("entities", reference.implementingEntities());
		return "admin/reference";
	}

	@PostMapping("/countries/{code}/classification")
	String classify(@PathVariable String code, @RequestParam Classification classification, RedirectAttributes flash) {
		return act(flash, "reference.saved", () -> countries.classify(code, classification));
	}

	@PostMapping("/entities")
	String addEntity(@RequestParam(defaultValue = "") String code, @RequestParam(defaultValue = "") String name,
			@RequestParam(defaultValue = "") String kind, RedirectAttributes flash) {
		return act(flash, "reference.saved", () -> reference.addImplementingEntity(code, name, kind));
	}

	@PostMapping("/entities/{id}/active")
	String setActive(@PathVariable long id, @RequestParam boolean active, RedirectAttributes flash) {
		return act(flash, "reference.saved", () -> reference.setImplementingEntityActive(id, active));
	}

	private static String act(RedirectAttributes flash, String success, Runnable action) {
		try {
			action.run();
			flash.addFlashAttribute("message", success);
		}
		catch (BusinessRuleViolation e) {
			flash.addFlashAttribute("problem", new DefaultMessageSourceResolvable(e.getCodes(), e.getArguments()));
		}
		return "redirect:/admin/reference";
	}

}
