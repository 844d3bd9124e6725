package org.tafund.donors;

import java.util.Set;

import jakarta.validation.Valid;

import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.data.domain.Sort;
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
import org.tafund.shared.Paging;
import org.tafund.reference.CountryCatalogue;
import org.tafund.shared.RefusalReturnsTo;
import org.tafund.shared.ConcurrentEdit;

/** Donor pages: everyone reads; DONOR_RELATIONS and ADMIN register and edit (security configuration). */
@Controller
@RequestMapping("/donors")
class DonorController {

	static final Set<String> SORTABLE = Set.of("name", "type", "country", "updatedAt");

	private final DonorManagement donors;

	private final CountryCatalogue countries;

	DonorController(DonorManagement donors, CountryCatalogue countries) {
		this.donors = donors;
		this.countries = countries;
	}

	@GetMapping
	String list(@RequestParam(required = false) String q, @RequestParam(required = false) DonorType type,
			@RequestParam(required = false) String country, @RequestParam(defaultValue = "name") String sort,
			@RequestParam(defaultValue = "asc") String dir, @RequestParam(defaultValue = "0") int page,
			@RequestParam(required = false) Integer size, Model model) {
		var property = SORTABLE.contains(sort) ? sort : "name";
		var order = "desc".equals(dir) ? Sort.Direction.DESC : Sort.Direction.ASC;
		var pageable = Paging.page(page, Paging.size(size), Sort.by(order, property).and(Sort.by("id")));
		model.addAttribute("sizes", Paging.SIZES);
		model.addAttribute("donors", donors.search(new DonorSearch(q, type, country, null), pageable));
		model.addAttribute("q", q);
		model.addAttribute("type", type);
		model.addAttribute("country", country);
		model.addAttribute("sort", property);
		model.addAttribute("dir", order == Sort.Direction.DESC ? "desc" : "asc");
		return withChoices(model, "donors/list");
	}

	@GetMapping("/new")
	String newForm(Model model) {
		if (!model.containsAttribute("form")) {
			model.addAttribute("form", DonorForm.empty());
		}
		return withChoices(model, "donors/form");
	}

	@PostMapping
	@RefusalReturnsTo("/donors/new")
	String create(@Valid @ModelAttribute("form") DonorForm form, BindingResult result, Model model,
			RedirectAttributes flash) {
		if (result.hasErrors()) {
			return withChoices(model, "donors/form");
		}
		var donor = donors.registerUnlessSimilar(form.toDetails(), form.similarConfirmed());
		flash.addFlashAttribute("message", "donor.created");
		return "redirect:/donors/" + donor.id();
	}

	@GetMapping("/{id}")
	String show(@PathVariable long id, Model model) {
		var donor = donors.get(id);
		model.addAttribute("donor", donor);
		model.addAttribute("countryName", countries.find(donor.country(), LocaleContextHolder.getLocale())
			.map(c -> c.name())
			.orElse(donor.country()));
		if (donor.mergedInto() != null) {
			model.addAttribute("mergedInto", donors.get(donor.mergedInto()));
		}
		return "donors/show";
	}

	@GetMapping("/{id}/edit")
	String editForm(@PathVariable long id, Model model) {
		if (!model.containsAttribute("form")) {
			model.addAttribute("form", DonorForm.of(donors.get(id)));
		}
		model.addAttribute("donorId", id);
		return withChoices(model, "donors/form");
	}

	@PostMapping("/{id}")
	@RefusalReturnsTo("/donors/{id}/edit")
	String update(@PathVariable long id, @Valid @ModelAttribute("form") DonorForm form, BindingResult result,
			Model model, RedirectAttributes flash) {
		if (!result.hasErrors()) {
			try {
				donors.update(id, form.version() == null ? -1 : form.version(), form.toDetails());
				flash.addFlashAttribute("message", "donor.updated");
				return "redirect:/donors/" + id;
			}
			catch (ConcurrentEdit e) {
				// Not the page advice's plain refusal: the form shows beside what was typed what is
				// stored now, which only this page knows how to load.
				result.reject(e.messageKey(), e.arguments(), null);
				model.addAttribute("current", donors.get(id));
			}
		}
		model.addAttribute("donorId", id);
		return withChoices(model, "donors/form");
	}

	private String withChoices(Model model, String view) {
		model.addAttribute("types", DonorType.values());
		model.addAttribute("countries", countries.all(LocaleContextHolder.getLocale()));
		model.addAttribute("iatiTypes", DonorManagement.IATI_ORGANISATION_TYPES.stream().sorted().toList());
		return view;
	}

}
