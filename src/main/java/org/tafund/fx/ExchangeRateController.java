package org.tafund.fx;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;

import jakarta.validation.Valid;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.tafund.shared.Paging;
import org.tafund.shared.RefusalReturnsTo;

/** Exchange rates: everyone reads, FINANCE and ADMIN record and import (security configuration). */
@Controller
@RequestMapping("/exchange-rates")
class ExchangeRateController {

	static final int PAGE_SIZE = 50;

	private final ExchangeRateManagement rates;

	ExchangeRateController(ExchangeRateManagement rates) {
		this.rates = rates;
	}

	@GetMapping
	String list(@RequestParam(defaultValue = "0") int page, @RequestParam(required = false) String currency,
			Model model) {
		if (!model.containsAttribute("form")) {
			model.addAttribute("form", RateForm.empty());
		}
		model.addAttribute("rates", rates.list(currency, Paging.page(page, PAGE_SIZE)));
		model.addAttribute("currency", currency);
		return "fx/rates";
	}

	@PostMapping
	@RefusalReturnsTo("/exchange-rates")
	String create(@Valid @ModelAttribute("form") RateForm form, BindingResult result, Model model,
			RedirectAttributes flash) {
		if (result.hasErrors()) {
			return list(0, null, model);
		}
		var rate = rates.submitRate(form.currency(), form.effectiveDate(), form.unitsPerUsd());
		flash.addFlashAttribute("message", rate.isPending() ? "approval.submitted" : "fx.recorded");
		return "redirect:/exchange-rates";
	}

	/** A correction as typed: the value the rate should have had, and why. */
	record CorrectionForm(Long version, java.math.BigDecimal unitsPerUsd, String reason) implements java.io.Serializable {
	}

	@GetMapping("/{id}/correction")
	String correction(@org.springframework.web.bind.annotation.PathVariable long id, Model model) {
		var rate = rates.rate(id);
		model.addAttribute("rate", rate);
		if (!model.containsAttribute("form")) {
			model.addAttribute("form", new CorrectionForm(rate.version(), rate.unitsPerUsd(), ""));
		}
		return "fx/correction";
	}

	@PostMapping("/{id}/correction")
	@RefusalReturnsTo("/exchange-rates/{id}/correction")
	String correct(@org.springframework.web.bind.annotation.PathVariable long id,
			@ModelAttribute("form") CorrectionForm form, BindingResult result, Model model, RedirectAttributes flash) {
		if (result.hasErrors()) {
			return correction(id, model);
		}
		var rate = rates.rate(id);
		var done = rates.submitCorrection(id, form.version() == null ? -1 : form.version(), form.unitsPerUsd(),
				form.reason());
		flash.addFlashAttribute("message", done.isPending() ? "approval.submitted" : "fx.corrected");
		return "redirect:/exchange-rates?currency=" + rate.currency();
	}

	/** The file as CSV text: a spreadsheet (the Treasury publishes XLSX too) is read as its first sheet. */
	private static java.io.Reader reader(MultipartFile file) throws IOException {
		if (file == null) {
			return new StringReader("");
		}
		try (var in = new java.io.BufferedInputStream(file.getInputStream())) {
			in.mark(2);
			var start = in.readNBytes(2);
			in.reset();
			if (SpreadsheetText.isXlsx(start)) {
				return new StringReader(SpreadsheetText.csvOf(in));
			}
		}
		return new InputStreamReader(file.getInputStream(), StandardCharsets.UTF_8);
	}

	static final String PREVIEW = ExchangeRateController.class.getName() + ".preview";

	/**
	 * An uploaded list is read and shown before anything is stored: the preview page says, rate by
	 * rate, what is new, the same as stored, or different. A file with wrong lines goes back to the
	 * rates page with every wrong line, as before.
	 */
	@PostMapping("/import")
	@RefusalReturnsTo("/exchange-rates")
	String importCsv(@RequestParam(name = "file", required = false) MultipartFile file, RedirectAttributes flash,
			jakarta.servlet.http.HttpSession session) throws IOException {
		RatePreview preview;
		try (var reader = reader(file)) {
			preview = rates.preview(reader);
		}
		if (!preview.rejections().isEmpty()) {
			flash.addFlashAttribute("import", new RateImport(0, preview.rejections()));
			return "redirect:/exchange-rates";
		}
		session.setAttribute(PREVIEW, preview);
		return "redirect:/exchange-rates/import/preview";
	}

	@GetMapping("/import/preview")
	String preview(jakarta.servlet.http.HttpSession session, Model model) {
		var preview = (RatePreview) session.getAttribute(PREVIEW);
		if (preview == null) {
			return "redirect:/exchange-rates";
		}
		model.addAttribute("preview", preview);
		return "fx/import-preview";
	}

	/** Stores the new rates of the preview just shown (or submits them for approval). */
	@PostMapping("/import/confirm")
	@RefusalReturnsTo("/exchange-rates")
	String confirm(jakarta.servlet.http.HttpSession session, RedirectAttributes flash) {
		var preview = (RatePreview) session.getAttribute(PREVIEW);
		session.removeAttribute(PREVIEW);
		if (preview == null) {
			throw new org.tafund.shared.BusinessRuleViolation("fx.import.noPreview");
		}
		var imported = rates.confirm(preview);
		if (imported.isPending()) {
			flash.addFlashAttribute("message", "approval.submitted");
		}
		else {
			flash.addFlashAttribute("import", imported.booked());
		}
		return "redirect:/exchange-rates";
	}

	@PostMapping("/import/cancel")
	@RefusalReturnsTo("/exchange-rates")
	String cancel(jakarta.servlet.http.HttpSession session) {
		session.removeAttribute(PREVIEW);
		return "redirect:/exchange-rates";
	}

}
