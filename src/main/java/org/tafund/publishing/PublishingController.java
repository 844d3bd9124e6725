package org.tafund.publishing;

import java.io.IOException;
import java.io.Serializable;
import java.nio.file.Files;
import java.time.LocalDate;
import java.time.ZoneOffset;

import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.MediaType;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.tafund.shared.RefusalReturnsTo;

/** The Publishing page (FINANCE and ADMIN) and the IATI activity file itself. */
@Controller
class PublishingController {

	private final Publishing publishing;

	PublishingController(Publishing publishing) {
		this.publishing = publishing;
	}

	/** What an officer withholds: a project, the part of it, and why. */
	record ExclusionForm(Long projectId, Withheld field, String reason) implements Serializable {
	}

	@GetMapping("/publishing")
	String page(Model model) {
		if (!model.containsAttribute("form")) {
			model.addAttribute("form", new ExclusionForm(null, Withheld.PROJECT, ""));
		}
		model.addAttribute("publication", publishing.plan());
		model.addAttribute("exclusions", publishing.exclusions());
		model.addAttribute("projects", publishing.projects());
		model.addAttribute("fields", Withheld.values());
		return "publishing/index";
	}

	@PostMapping("/publishing/exclusions")
	@RefusalReturnsTo("/publishing")
	String exclude(@ModelAttribute("form") ExclusionForm form, BindingResult result, RedirectAttributes flash) {
		publishing.exclude(form.projectId(), form.field(), form.reason());
		flash.addFlashAttribute("message", "publishing.exclusion.saved");
		return "redirect:/publishing";
	}

	@PostMapping("/publishing/exclusions/{id}/remove")
	@RefusalReturnsTo("/publishing")
	String include(@PathVariable long id, @RequestParam long version, RedirectAttributes flash) {
		publishing.include(id, version);
		flash.addFlashAttribute("message", "publishing.exclusion.removed");
		return "redirect:/publishing";
	}

	/**
	 * The IATI 2.03 activity file. It is written to a temporary file first and sent only when
	 * whole: a failure half-way answers an error, never a cut file that would still parse as a start.
	 */
	@GetMapping("/iati/activities.xml")
	void file(HttpServletResponse response) throws IOException {
		var file = Files.createTempFile("tafund-iati-", ".xml");
		try {
			Publication publication;
			try (var out = new java.io.BufferedOutputStream(Files.newOutputStream(file))) {
				publication = publishing.write(out);
			}
			var day = LocalDate.ofInstant(publication.generatedAt(), ZoneOffset.UTC);
			response.setContentType(MediaType.APPLICATION_XML_VALUE);
			response.setCharacterEncoding("UTF-8");
			response.setHeader("Content-Disposition", "inline; filename=\"tafund-iati-activities-" + day + ".xml\"");
			response.setContentLengthLong(Files.size(file));
			Files.copy(file, response.getOutputStream());
		}
		finally {
			Files.deleteIfExists(file);
		}
	}

}
