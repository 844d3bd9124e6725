package org.tafund.contributions;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;

import jakarta.validation.Valid;

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
import org.tafund.donors.DonorManagement;
import org.tafund.shared.Paging;
import org.tafund.shared.RefusalReturnsTo;

/**
 * Contribution pages: everyone reads; DONOR_RELATIONS and ADMIN create agreements, FINANCE and
 * ADMIN book receipts, reversals and refunds (security configuration).
 */
@Controller
@RequestMapping("/contributions")
class ContributionController {

	private final ContributionManagement contributions;

	private final DonorManagement donors;

	private final Clock clock;

	private final org.tafund.approvals.Approvals approvals;

	private final org.springframework.context.MessageSource messages;

	ContributionController(ContributionManagement contributions, DonorManagement donors, Clock clock,
			org.tafund.approvals.Approvals approvals, org.springframework.context.MessageSource messages) {
		this.messages = messages;
		this.clock = clock;
		this.approvals = approvals;
		this.contributions = contributions;
		this.donors = donors;
	}

	/** The agreements, 25, 50 or 100 a page, found and ordered as the filter above the list asks. */
	@GetMapping
	String list(@RequestParam(defaultValue = "0") int page, @RequestParam(required = false) Integer size,
			@RequestParam(required = false) String q, @RequestParam(required = false) String window,
			@RequestParam(required = false) String currency, @RequestParam(required = false) String year,
			@RequestParam(required = false) String sort, Model model) {
		// A filter that cannot be read (a year typed as words) is left out rather than refused; the others apply.
		var used = new AgreementSearch(q, AgreementSearch.window(window), currency, AgreementSearch.year(year), sort);
		var shown = contributions.search(used, page, org.tafund.shared.Paging.size(size));
		model.addAttribute("agreements", shown);
		model.addAttribute("search", used);
		model.addAttribute("windows", FundingWindow.values());
		model.addAttribute("orders", AgreementSearch.Order.values());
		model.addAttribute("sizes", org.tafund.shared.Paging.SIZES);
		// Only the donors the page names: reading every donor to name 25 cost a statement per donor.
		model.addAttribute("donorNames", donors.names(shown.map(AgreementRow::donorId).toSet()));
		return "contributions/list";
	}

	/**
	 * Overdue instalments grouped by donor (alphabetical), the most overdue first within each;
	 * narrowed to a donor's name, a currency, and a least number of days late; with totals by
	 * currency and in USD, and by how late they are.
	 */
	@GetMapping("/overdue")
	String overdue(@RequestParam(required = false) String q, @RequestParam(required = false) String currency,
			@RequestParam(required = false) String minDays, @RequestParam(defaultValue = "0") int page,
			@RequestParam(required = false) Integer size, Model model) {
		var overdue = Overdue.of(contributions.overdue(), donors, q, currency, minDays);
		// The totals are of every line the filter keeps; the table shows a page of them.
		var asked = org.tafund.shared.Paging.page(page, org.tafund.shared.Paging.size(size));
		int from = (int) Math.min(asked.getOffset(), overdue.lines().size());
		int to = (int) Math.min((long) from + asked.getPageSize(), overdue.lines().size());
		model.addAttribute("lines", new org.springframework.data.domain.PageImpl<>(overdue.lines().subList(from, to), asked,
				overdue.lines().size()));
		model.addAttribute("sizes", org.tafund.shared.Paging.SIZES);
		model.addAttribute("donorNames", overdue.names());
		model.addAttribute("overdue", overdue);
		model.addAttribute("q", q);
		model.addAttribute("currency", overdue.currency());
		model.addAttribute("minDays", overdue.minDays());
		return "contributions/overdue";
	}

	/** The same lines as the page, as a CSV file with the reader's column names and each currency's digits. */
	@GetMapping(value = "/overdue.csv", produces = "text/csv")
	void overdueCsv(@RequestParam(required = false) String q, @RequestParam(required = false) String currency,
			@RequestParam(required = false) String minDays, jakarta.servlet.http.HttpServletResponse response,
			java.util.Locale locale) throws java.io.IOException {
		var overdue = Overdue.of(contributions.overdue(), donors, q, currency, minDays);
		response.setContentType("text/csv;charset=UTF-8");
		response.setHeader("Content-Disposition", "attachment; filename=\"overdue-instalments-"
				+ LocalDate.now(clock) + ".csv\"");
		var out = response.getWriter();
		// A byte-order mark, so that a spreadsheet opens the accents as they are.
		out.write('\uFEFF');
		out.write(overdue.csv(messages, locale));
		out.flush();
	}

	/**
	 * The donor page's contributions panel, loaded with htmx so that donors need not know this module.
	 * Its pledge form posts with htmx and the answer replaces the panel: after a refusal or a pledge
	 * recorded, this request shows the flashed pledge form, or the message, in the panel.
	 */
	@GetMapping("/donors/{donorId}/summary")
	String donorSummary(@PathVariable long donorId, Model model) {
		addIfAbsent(model, "pledgeForm", PledgeForm.empty());
		model.addAttribute("summary", contributions.ofDonor(donorId));
		model.addAttribute("donorId", donorId);
		return "contributions/donor-summary :: summary";
	}

	@GetMapping("/agreements/new")
	String newForm(@RequestParam(required = false) Long donorId, @RequestParam(required = false) Long pledgeId,
			Model model) {
		var pledge = pledgeId == null ? null
				: contributions.pledgesOf(null).stream().filter(p -> p.id().equals(pledgeId)).findFirst().orElse(null);
		if (!model.containsAttribute("form")) {
			model.addAttribute("form",
					pledge == null ? AgreementForm.empty(donorId) : AgreementForm.fromPledge(pledge));
		}
		return withChoices(model);
	}

	// The pledge form sits in the donor page's contributions panel and replaces it (htmx): a form that is
	// not well formed comes back at once in the panel; a refusal or a recorded pledge, by the redirect
	// that the XMLHttpRequest follows to the panel, the form as typed or the message in flash attributes.
	@PostMapping("/pledges")
	@RefusalReturnsTo("/contributions/donors/{donorId}/summary")
	String pledge(@RequestParam long donorId, @Valid @ModelAttribute("pledgeForm") PledgeForm form,
			BindingResult result, Model model, RedirectAttributes flash) {
		if (result.hasErrors()) {
			return donorSummary(donorId, model);
		}
		contributions.recordPledge(donorId, form.pledgedOn(), form.amount(), form.currency(), form.window(),
				form.note());
		flash.addFlashAttribute("message", "pledge.recorded");
		return "redirect:/contributions/donors/" + donorId + "/summary";
	}

	// In the donor page's panel too (htmx): the answer is the panel, with the message or the refusal
	// above the pledges (the reason is one line beside each pledge, not a form of its own to keep).
	@PostMapping("/pledges/{id}/cancel")
	@RefusalReturnsTo(value = "/contributions/donors/{donorId}/summary", problem = "pledgeProblem")
	String cancelPledge(@PathVariable long id, @RequestParam long donorId, @RequestParam long version,
			@RequestParam(required = false) String reason, RedirectAttributes flash) {
		contributions.cancelPledge(id, version, reason);
		flash.addFlashAttribute("message", "pledge.cancelledNow");
		return "redirect:/contributions/donors/" + donorId + "/summary";
	}

	/** The suggestions of the earmark target field for the kind chosen (htmx, on the agreement form). */
	@GetMapping("/earmark-targets")
	String earmarkTargets(@RequestParam(required = false) String earmarkKind, Model model, java.util.Locale locale) {
		EarmarkKind kind = null;
		try {
			kind = earmarkKind == null || earmarkKind.isBlank() ? null : EarmarkKind.valueOf(earmarkKind);
		}
		catch (IllegalArgumentException e) {
			// no such kind: no suggestions
		}
		model.addAttribute("targets", contributions.earmarkChoices(kind, locale,
				theme -> messages.getMessage("theme." + theme, null, theme, locale)));
		return "contributions/agreement-form :: earmarkTargets";
	}

	@GetMapping("/revaluations")
	String revaluations(Model model) {
		addIfAbsent(model, "form", new RevaluationForm(null));
		return revaluationsPage(model);
	}

	@PostMapping("/revaluations")
	@RefusalReturnsTo("/contributions/revaluations")
	String revalue(@ModelAttribute("form") RevaluationForm form, BindingResult result, Model model,
			RedirectAttributes flash) {
		if (result.hasErrors()) {
			return revaluationsPage(model);
		}
		var run = contributions.submitRevaluation(form.periodEnd());
		flash.addFlashAttribute("message", run.isPending() ? "approval.submitted" : "revaluation.recorded");
		return "redirect:/contributions/revaluations";
	}

	@PostMapping("/agreements")
	@RefusalReturnsTo("/contributions/agreements/new")
	String create(@Valid @ModelAttribute("form") AgreementForm form, BindingResult result, Model model,
			RedirectAttributes flash) {
		if (result.hasErrors()) {
			return withChoices(model);
		}
		var agreement = form.pledgeId() == null ? contributions.createAgreement(form.toTerms())
				: contributions.createAgreementFromPledge(form.pledgeId(), form.toTerms());
		flash.addFlashAttribute("message", "agreement.created");
		return "redirect:/contributions/agreements/" + agreement.id();
	}

	@GetMapping("/agreements/{id}")
	String show(@PathVariable long id, Model model) {
		return agreementPage(id, model);
	}

	// The money forms of the agreement page: booked, back to the page; refused by a rule, back to the
	// page too (PageRefusals) with the form as typed and the reason beside the field it concerns (or
	// above the form); a form that is not even well formed is shown again at once.

	@PostMapping("/agreements/{id}/receipts")
	@RefusalReturnsTo("/contributions/agreements/{id}#receipt-form")
	String receive(@PathVariable long id, @Valid @ModelAttribute("receiptForm") ReceiptRequest receipt,
			BindingResult result, Model model, RedirectAttributes flash) {
		return ask(id, result, model, flash, "receipt.recorded",
				() -> contributions.submitReceipt(id, receipt.toCommand()));
	}

	@PostMapping("/agreements/{id}/refunds")
	@RefusalReturnsTo("/contributions/agreements/{id}#refund-form")
	String refund(@PathVariable long id, @Valid @ModelAttribute("refundForm") RefundForm form, BindingResult result,
			Model model, RedirectAttributes flash) {
		return ask(id, result, model, flash, "refund.recorded",
				() -> contributions.submitRefund(id, form.refundedOn(), form.amount(), form.reason()));
	}

	@PostMapping("/agreements/{id}/sign")
	@RefusalReturnsTo("/contributions/agreements/{id}#signature-form")
	String sign(@PathVariable long id, @RequestParam long version,
			@Valid @ModelAttribute("signatureForm") SignatureForm form, BindingResult result, Model model,
			RedirectAttributes flash) {
		return submit(id, result, model, flash, "agreement.signed",
				() -> contributions.sign(id, version, form.signedOn()));
	}

	@PostMapping("/agreements/{id}/amendments")
	@RefusalReturnsTo("/contributions/agreements/{id}#amendment-panel")
	String amend(@PathVariable long id, @Valid @ModelAttribute("amendmentForm") AmendmentForm form,
			BindingResult result, Model model, RedirectAttributes flash) {
		return submit(id, result, model, flash, "agreement.amended", () -> contributions.amend(id, form.version(),
				form.amendedOn(), form.reason(), form.amount(), form.lines()));
	}

	// Dated today: a refusal is shown on the receipt's line, with the reason as typed.
	@PostMapping("/agreements/{id}/receipts/{receiptId}/reversal")
	@RefusalReturnsTo("/contributions/agreements/{id}#receipt-{receiptId}")
	String reverse(@PathVariable long id, @ModelAttribute("reversalForm") ReversalForm form, BindingResult result,
			RedirectAttributes flash) {
		var reversal = contributions.submitReversal(form.receiptId(), form.reason());
		flash.addFlashAttribute("message", reversal.isPending() ? "approval.submitted" : "receipt.reversed");
		return "redirect:/contributions/agreements/" + id;
	}

	// Cancel and close take no input (a cancellation is dated today): a refusal is shown beside their buttons.
	@PostMapping("/agreements/{id}/cancel")
	@RefusalReturnsTo(value = "/contributions/agreements/{id}#agreement-actions", problem = "actionProblem")
	String cancel(@PathVariable long id, @RequestParam long version, RedirectAttributes flash) {
		contributions.cancel(id, version);
		flash.addFlashAttribute("message", "agreement.cancelledNow");
		return "redirect:/contributions/agreements/" + id;
	}

	@PostMapping("/agreements/{id}/close")
	@RefusalReturnsTo(value = "/contributions/agreements/{id}#agreement-actions", problem = "actionProblem")
	String close(@PathVariable long id, @RequestParam long version, RedirectAttributes flash) {
		contributions.close(id, version);
		flash.addFlashAttribute("message", "agreement.closedNow");
		return "redirect:/contributions/agreements/" + id;
	}

	private String submit(long id, BindingResult result, Model model, RedirectAttributes flash, String success,
			Runnable action) {
		if (result.hasErrors()) {
			return agreementPage(id, model);
		}
		action.run();
		flash.addFlashAttribute("message", success);
		return "redirect:/contributions/agreements/" + id;
	}

	/** As {@link #submit}, for money that may wait for a second person's approval: the message says which. */
	private String ask(long id, BindingResult result, Model model, RedirectAttributes flash, String booked,
			java.util.function.Supplier<org.tafund.approvals.Submitted<?>> action) {
		if (result.hasErrors()) {
			return agreementPage(id, model);
		}
		flash.addFlashAttribute("message", action.get().isPending() ? "approval.submitted" : booked);
		return "redirect:/contributions/agreements/" + id;
	}

	/** The agreement page, with each form as typed if it was just refused, else as it opens. */
	private String agreementPage(long id, Model model) {
		var agreement = contributions.agreement(id);
		var today = LocalDate.now(clock);
		model.addAttribute("agreement", agreement);
		model.addAttribute("donor", donors.get(agreement.donorId()));
		model.addAttribute("today", today);
		model.addAttribute("pending", approvals.pendingOf("AGREEMENT", id));
		addIfAbsent(model, "receiptForm",
				new ReceiptRequest(today, null, agreement.currency(), "", "", false));
		addIfAbsent(model, "refundForm", RefundForm.empty(today));
		addIfAbsent(model, "signatureForm", new SignatureForm(today));
		addIfAbsent(model, "amendmentForm", AmendmentForm.of(agreement, today));
		return "contributions/agreement";
	}

	private String revaluationsPage(Model model) {
		var runs = contributions.revaluations();
		model.addAttribute("runs", runs);
		// Agreements are named by their reference, not their number.
		var ids = new java.util.HashSet<Long>();
		runs.forEach(run -> {
			run.lines().forEach(l -> ids.add(l.agreementId()));
			run.adjustments().forEach(a -> ids.add(a.agreementId()));
		});
		model.addAttribute("references", contributions.referencesOf(ids));
		model.addAttribute("today", LocalDate.now(clock));
		return "contributions/revaluations";
	}

	private static void addIfAbsent(Model model, String name, Object form) {
		if (!model.containsAttribute(name)) {
			model.addAttribute(name, form);
		}
	}

	/** The overdue lines a page or a file shows, with their totals. */
	record Overdue(List<ContributionManagement.OverdueInstalment> lines, java.util.Map<Long, String> names,
			String currency, Integer minDays, List<org.tafund.shared.Money> byCurrency, org.tafund.shared.Money usd,
			List<Bucket> buckets) {

		/** How late, in days, from and to (null: no end), and the USD outstanding that late. */
		record Bucket(int from, Integer to, int count, org.tafund.shared.Money usd) {
		}

		static Overdue of(List<ContributionManagement.OverdueInstalment> all, org.tafund.donors.DonorManagement donors,
				String q, String currency, String minDays) {
			var names = donors.names(all.stream().map(ContributionManagement.OverdueInstalment::donorId).distinct().toList());
			var wanted = currency == null || currency.isBlank() ? null : currency.strip().toUpperCase(java.util.Locale.ROOT);
			Integer least = null;
			try {
				least = minDays == null || minDays.isBlank() ? null : Math.max(0, Integer.parseInt(minDays.strip()));
			}
			catch (NumberFormatException e) {
				// A filter that cannot be read is left out; the others still apply.
			}
			var text = q == null || q.isBlank() ? null : org.tafund.shared.Text.comparable(q);
			final Integer min = least;
			var lines = all.stream()
				.filter(l -> text == null || org.tafund.shared.Text.comparable(names.getOrDefault(l.donorId(), ""))
					.contains(text) || org.tafund.shared.Text.comparable(l.reference()).contains(text))
				.filter(l -> wanted == null || l.outstanding().currency().equals(wanted))
				.filter(l -> min == null || l.daysOverdue() >= min)
				.sorted(java.util.Comparator
					.comparing((ContributionManagement.OverdueInstalment l) -> names.getOrDefault(l.donorId(), ""))
					.thenComparing(ContributionManagement.OverdueInstalment::daysOverdue, java.util.Comparator.reverseOrder()))
				.toList();
			var byCurrency = new java.util.TreeMap<String, org.tafund.shared.Money>();
			lines.forEach(l -> byCurrency.merge(l.outstanding().currency(), l.outstanding(), org.tafund.shared.Money::plus));
			var usd = lines.stream()
				.map(ContributionManagement.OverdueInstalment::outstandingUsd)
				.reduce(org.tafund.shared.Money.zero(org.tafund.shared.Money.USD), org.tafund.shared.Money::plus);
			var buckets = new java.util.ArrayList<Bucket>();
			int[][] ranges = { { 1, 30 }, { 31, 90 }, { 91, 180 }, { 181, -1 } };
			for (var range : ranges) {
				var in = lines.stream()
					.filter(l -> l.daysOverdue() >= range[0] && (range[1] < 0 || l.daysOverdue() <= range[1]))
					.toList();
				buckets.add(new Bucket(range[0], range[1] < 0 ? null : range[1], in.size(), in.stream()
					.map(ContributionManagement.OverdueInstalment::outstandingUsd)
					.reduce(org.tafund.shared.Money.zero(org.tafund.shared.Money.USD), org.tafund.shared.Money::plus)));
			}
			return new Overdue(lines, names, wanted, least, List.copyOf(byCurrency.values()), usd, buckets);
		}

		String csv(org.springframework.context.MessageSource messages, java.util.Locale locale) {
			var out = new StringBuilder();
			var headers = java.util.stream.Stream.of("agreement.donor", "agreement.reference", "instalment.dueOn",
					"overdue.days", "agreement.outstanding", "fx.currency", "overdue.usd")
				.map(key -> csvCell(messages.getMessage(key, null, key, locale)))
				.toList();
			out.append(String.join(",", headers)).append("\r\n");
			for (var l : lines) {
				out.append(csvCell(names.getOrDefault(l.donorId(), ""))).append(',')
					.append(csvCell(l.reference())).append(',')
					.append(l.dueOn()).append(',')
					.append(l.daysOverdue()).append(',')
					.append(l.outstanding().amount().toPlainString()).append(',')
					.append(l.outstanding().currency()).append(',')
					.append(l.outstandingUsd().amount().toPlainString())
					.append("\r\n");
			}
			return out.toString();
		}

		/** A cell as CSV quotes it; text that a spreadsheet would run as a formula starts with an apostrophe. */
		private static String csvCell(String value) {
			var text = value == null ? "" : value;
			if (org.tafund.shared.Text.formulaLike(text)) {
				text = "'" + text;
			}
			return text.contains(",") || text.contains("\"") || text.contains("\n") || text.contains("\r")
					|| text.contains("'")
					? "\"" + text.replace("\"", "\"\"") + "\"" : text;
		}

	}

	private String withChoices(Model model) {
		model.addAttribute("donors", donors.all());
		model.addAttribute("windows", FundingWindow.values());
		model.addAttribute("currencies", java.util.List.of("USD", "EUR", "GBP", "JPY", "NOK", "SEK", "CHF", "DKK", "CAD", "AUD"));
		model.addAttribute("earmarkKinds", EarmarkKind.values());
		return "contributions/agreement-form";
	}

}
