package org.tafund.contributions;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;

import jakarta.validation.Valid;

import org.springframework.context.support.DefaultMessageSourceResolvable;
import org.springframework.data.domain.Sort;
import org.springframework.format.annotation.DateTimeFormat;
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
import org.tafund.donors.DonorManagement;
import org.tafund.shared.BusinessRuleViolation;
import org.tafund.shared.Paging;

/**
 * Contribution pages: everyone reads; DONOR_RELATIONS and ADMIN create agreements, FINANCE and
 * ADMIN book receipts, reversals and refunds (security configuration).
 */
@Controller
@RequestMapping("/contributions")
class ContributionController {

	static final int PAGE_SIZE = 25;

	private final ContributionManagement contributions;

	private final DonorManagement donors;

	private final Clock clock;

	ContributionController(ContributionManagement contributions, DonorManagement donors, Clock clock) {
		this.clock = clock;
		this.contributions = contributions;
		this.donors = donors;
	}

	@GetMapping
	String list(@RequestParam(defaultValue = "0") int page, Model model) {
		model.addAttribute("agreements",
				contributions.list(Paging.page(page, PAGE_SIZE, Sort.by(Sort.Direction.DESC, "id"))));
		model.addAttribute("donorNames", donors.all().stream().collect(
				java.util.stream.Collectors.toMap(d -> d.id(), d -> d.name())));
		return "contributions/list";
	}

	/** Overdue instalments grouped by donor (alphabetical), the most overdue first within each. */
	@GetMapping("/overdue")
	String overdue(Model model) {
		var names = donors.all().stream().collect(java.util.stream.Collectors.toMap(d -> d.id(), d -> d.name()));
		var lines = new java.util.ArrayList<>(contributions.overdue());
		lines.sort(java.util.Comparator
			.comparing((ContributionManagement.OverdueInstalment l) -> names.getOrDefault(l.donorId(), ""))
			.thenComparing(ContributionManagement.OverdueInstalment::daysOverdue, java.util.Comparator.reverseOrder()));
		model.addAttribute("lines", lines);
		model.addAttribute("donorNames", names);
		return "contributions/overdue";
	}

	/** The donor page's contributions panel, loaded with htmx so that donors need not know this module. */
	@GetMapping("/donors/{donorId}/summary")
	String donorSummary(@PathVariable long donorId, Model model) {
		model.addAttribute("summary", contributions.ofDonor(donorId));
		model.addAttribute("donorId", donorId);
		return "contributions/donor-summary :: summary";
	}

	@GetMapping("/agreements/new")
	String newForm(@RequestParam(required = false) Long donorId, @RequestParam(required = false) Long pledgeId,
			Model model) {
		var pledge = pledgeId == null ? null
				: contributions.pledgesOf(null).stream().filter(p -> p.id().equals(pledgeId)).findFirst().orElse(null);
		model.addAttribute("form", pledge == null ? AgreementForm.empty(donorId) : AgreementForm.fromPledge(pledge));
		return withChoices(model);
	}

	@PostMapping("/pledges")
	String pledge(@RequestParam long donorId,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate pledgedOn,
			@RequestParam(required = false) BigDecimal amount, @RequestParam(defaultValue = "") String currency,
			@RequestParam(required = false) FundingWindow window, @RequestParam(defaultValue = "") String note,
			RedirectAttributes flash) {
		try {
			if (amount == null) {
				throw new BusinessRuleViolation("pledge.amount.positive");
			}
			contributions.recordPledge(donorId, pledgedOn, amount, currency, window, note);
			flash.addFlashAttribute("message", "pledge.recorded");
		}
		catch (BusinessRuleViolation e) {
			flash.addFlashAttribute("problem", new DefaultMessageSourceResolvable(e.getCodes(), e.getArguments()));
		}
		return "redirect:/donors/" + donorId;
	}

	@GetMapping("/revaluations")
	String revaluations(Model model) {
		model.addAttribute("runs", contributions.revaluations());
		model.addAttribute("today", LocalDate.now(clock));
		return "contributions/revaluations";
	}

	@PostMapping("/revaluations")
	String revalue(@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate periodEnd,
			RedirectAttributes flash) {
		try {
			contributions.revalue(periodEnd);
			flash.addFlashAttribute("message", "revaluation.recorded");
		}
		catch (BusinessRuleViolation e) {
			flash.addFlashAttribute("problem", new DefaultMessageSourceResolvable(e.getCodes(), e.getArguments()));
		}
		return "redirect:/contributions/revaluations";
	}

	@PostMapping("/agreements")
	String create(@Valid @ModelAttribute("form") AgreementForm form, BindingResult result, Model model,
			RedirectAttributes flash) {
		if (!result.hasErrors()) {
			try {
				var agreement = form.pledgeId() == null ? contributions.createAgreement(form.toTerms())
						: contributions.createAgreementFromPledge(form.pledgeId(), form.toTerms());
				flash.addFlashAttribute("message", "agreement.created");
				return "redirect:/contributions/agreements/" + agreement.id();
			}
			catch (BusinessRuleViolation e) {
				result.reject(e.messageKey(), e.arguments(), null);
			}
		}
		return withChoices(model);
	}

	@GetMapping("/agreements/{id}")
	String show(@PathVariable long id, Model model) {
		var agreement = contributions.agreement(id);
		model.addAttribute("agreement", agreement);
		model.addAttribute("donor", donors.get(agreement.donorId()));
		model.addAttribute("today", LocalDate.now(clock));
		return "contributions/agreement";
	}

	@PostMapping("/agreements/{id}/receipts")
	String receive(@PathVariable long id, @Valid ReceiptRequest receipt, BindingResult result,
			RedirectAttributes flash) {
		return act(id, result, flash, "receipt.recorded", () -> contributions.recordReceipt(id, receipt.toCommand()));
	}

	@PostMapping("/agreements/{id}/receipts/{receiptId}/reversal")
	String reverse(@PathVariable long id, @PathVariable long receiptId, @RequestParam(defaultValue = "") String reason,
			RedirectAttributes flash) {
		return act(id, null, flash, "receipt.reversed", () -> contributions.reverseReceipt(receiptId, reason));
	}

	@PostMapping("/agreements/{id}/refunds")
	String refund(@PathVariable long id,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate refundedOn,
			@RequestParam(required = false) BigDecimal amount, @RequestParam(defaultValue = "") String reason,
			RedirectAttributes flash) {
		return act(id, null, flash, "refund.recorded", () -> {
			if (amount == null) {
				throw new BusinessRuleViolation("refund.amount.positive");
			}
			return contributions.refund(id, refundedOn, amount, reason);
		});
	}

	@PostMapping("/agreements/{id}/sign")
	String sign(@PathVariable long id, @RequestParam long version,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate signedOn,
			RedirectAttributes flash) {
		return act(id, null, flash, "agreement.signed", () -> {
			if (signedOn == null) {
				throw new BusinessRuleViolation("agreement.signedOn.required");
			}
			return contributions.sign(id, version, signedOn);
		});
	}

	@PostMapping("/agreements/{id}/amendments")
	String amend(@PathVariable long id, @Valid AmendmentForm form, BindingResult result, RedirectAttributes flash) {
		return act(id, result, flash, "agreement.amended", () -> contributions.amend(id, form.version(),
				form.amendedOn(), form.reason(), form.amount(), form.lines()));
	}

	@PostMapping("/agreements/{id}/cancel")
	String cancel(@PathVariable long id, @RequestParam long version, RedirectAttributes flash) {
		return act(id, null, flash, "agreement.cancelledNow", () -> contributions.cancel(id, version));
	}

	@PostMapping("/agreements/{id}/close")
	String close(@PathVariable long id, @RequestParam long version, RedirectAttributes flash) {
		return act(id, null, flash, "agreement.closedNow", () -> contributions.close(id, version));
	}

	// Money forms come back to the agreement page: the booking is there, or the reason it was refused.
	private static String act(long id, BindingResult result, RedirectAttributes flash, String success,
			java.util.function.Supplier<?> action) {
		if (result != null && result.hasErrors()) {
			var error = result.getAllErrors().get(0);
			flash.addFlashAttribute("problem", new DefaultMessageSourceResolvable(new String[] { "form.invalid" },
					new Object[] { error instanceof org.springframework.validation.FieldError f ? f.getField() : "" }));
			return "redirect:/contributions/agreements/" + id;
		}
		try {
			action.get();
			flash.addFlashAttribute("message", success);
		}
		catch (BusinessRuleViolation e) {
			flash.addFlashAttribute("problem", new DefaultMessageSourceResolvable(e.getCodes(), e.getArguments()));
		}
		return "redirect:/contributions/agreements/" + id;
	}

	private String withChoices(Model model) {
		model.addAttribute("donors", donors.all());
		model.addAttribute("windows", FundingWindow.values());
		model.addAttribute("currencies", java.util.List.of("USD", "EUR", "GBP", "JPY", "NOK", "SEK", "CHF", "DKK", "CAD", "AUD"));
		model.addAttribute("earmarkKinds", EarmarkKind.values());
		return "contributions/agreement-form";
	}

}
