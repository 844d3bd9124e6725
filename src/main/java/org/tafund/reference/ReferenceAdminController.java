package org.tafund.reference;

import jakarta.validation.Valid;

import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.tafund.shared.RefusalReturnsTo;

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
		if (!model.containsAttribute("entityForm")) {
			model.addAttribute("entityForm", EntityForm.empty());
		}
		return page(model);
	}

	@PostMapping("/countries/{code}/classification")
	@RefusalReturnsTo("/admin/reference")
	String classify(@PathVariable String code, @RequestParam Classification classification, RedirectAttributes flash) {
		countries.classify(code, classification);
		return saved(flash);
	}

	@PostMapping("/entities")
	@RefusalReturnsTo("/admin/reference#entity-form")
	String addEntity(@Valid @ModelAttribute("entityForm") EntityForm form, BindingResult result, Model model,
			RedirectAttributes flash) {
		if (result.hasErrors()) {
			return page(model);
		}
		reference.addImplementingEntity(form.code(), form.name(), form.kind());
		return saved(flash);
	}

	@PostMapping("/entities/{id}/active")
	@RefusalReturnsTo("/admin/reference")
	String setActive(@PathVariable long id, @RequestParam boolean active, RedirectAttributes flash) {
		reference.setImplementingEntityActive(id, active);
		return saved(flash);
	}

	private String page(Model model) {
		model.addAttribute("countries", countries.all(LocaleContextHolder.getLocale()));
		model.addAttribute("classifications", Classification.values());
		model.addAttribute("entities", reference.implementingEntities());
		return "admin/reference";
	}

	private static String saved(RedirectAttributes flash) {
		flash.addFlashAttribute("message", "reference.saved");
		return "redirect:/admin/reference";
	}

}
