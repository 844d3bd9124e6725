package org.tafund.donors;

import java.security.Principal;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.tafund.shared.RefusalReturnsTo;

/**
 * An administrator merges two records of one donor: the duplicate's agreements and pledges move to
 * the donor kept, and the duplicate stays, inactive, pointing to it (ADMIN only, by the security
 * configuration).
 */
@Controller
@RequestMapping("/admin/donors/merge")
class DonorMergeController {

	/** The merge form: the donor kept, the duplicate, and why they are one. */
	record MergeForm(@NotNull Long kept, @NotNull Long duplicate, @NotBlank @Size(max = 500) String reason)
			implements java.io.Serializable {
	}

	private final DonorManagement donors;

	DonorMergeController(DonorManagement donors) {
		this.donors = donors;
	}

	@GetMapping
	String form(@RequestParam(required = false) Long duplicate, Model model) {
		if (!model.containsAttribute("form")) {
			model.addAttribute("form", new MergeForm(null, duplicate, ""));
		}
		model.addAttribute("donors", donors.all());
		return "admin/donor-merge";
	}

	@PostMapping
	@RefusalReturnsTo("/admin/donors/merge")
	String merge(@Valid @ModelAttribute("form") MergeForm form, BindingResult result, Model model, Principal principal,
			RedirectAttributes flash) {
		if (result.hasErrors()) {
			model.addAttribute("donors", donors.all());
			return "admin/donor-merge";
		}
		var kept = donors.merge(form.kept(), form.duplicate(), form.reason());
		flash.addFlashAttribute("message", "donor.merge.done");
		return "redirect:/donors/" + kept.id();
	}

}
