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

	static final int COUNTRIES_PER_PAGE = 50;

	/** The countries' filter: a name or code, a region, a classification, and the page. */
	record CountryFilter(String q, String region, Classification classification, Integer page) {

		int pageNumber() {
			return page == null || page < 0 ? 0 : page;
		}

	}

	@GetMapping("/reference")
	String show(CountryFilter filter, Model model) {
		if (!model.containsAttribute("entityForm")) {
			model.addAttribute("entityForm", EntityForm.empty());
		}
		return page(filter, model);
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
			return page(new CountryFilter(null, null, null, 0), model);
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

	private String page(CountryFilter filter, Model model) {
		var locale = LocaleContextHolder.getLocale();
		var all = countries.all(locale);
		// Searched as people type: any part of the name or the code, without regard to case or accents.
		var wanted = filter.q() == null ? "" : org.tafund.shared.Text.comparable(filter.q());
		var found = all.stream()
			.filter(c -> wanted.isEmpty() || org.tafund.shared.Text.comparable(c.name()).contains(wanted)
					|| c.code().equalsIgnoreCase(wanted))
			.filter(c -> filter.region() == null || filter.region().isBlank() || c.isIn(filter.region()))
			.filter(c -> filter.classification() == null || c.classification() == filter.classification())
			.toList();
		int pages = Math.max(1, (found.size() + COUNTRIES_PER_PAGE - 1) / COUNTRIES_PER_PAGE);
		int page = Math.min(filter.pageNumber(), pages - 1);
		model.addAttribute("countries",
				found.subList(page * COUNTRIES_PER_PAGE, Math.min(found.size(), (page + 1) * COUNTRIES_PER_PAGE)));
		model.addAttribute("countryCount", found.size());
		model.addAttribute("countryPage", page);
		model.addAttribute("countryPages", pages);
		model.addAttribute("countryFilter", filter);
		model.addAttribute("regions", all.stream()
			.flatMap(c -> java.util.stream.Stream.of(c.region(), c.subRegion(), c.intermediateRegion()))
			.filter(r -> r != null && !r.isBlank())
			.distinct()
			.map(r -> new RegionChoice(r, Regions.name(r, locale)))
			.sorted(java.util.Comparator.comparing(RegionChoice::label, java.text.Collator.getInstance(locale)))
			.toList());
		model.addAttribute("classifications", Classification.values());
		model.addAttribute("entities", reference.implementingEntities());
		return "admin/reference";
	}

	/** A region as the filter offers it: its M49 name, shown in the reader's language. */
	record RegionChoice(String value, String label) {
	}

	private static String saved(RedirectAttributes flash) {
		flash.addFlashAttribute("message", "reference.saved");
		return "redirect:/admin/reference";
	}

}
