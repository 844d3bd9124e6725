package org.tafund.books;

import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;

import jakarta.validation.Valid;

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
import org.tafund.shared.RefusalReturnsTo;

/** The books pages: accounts, the journal and manual entries, period closes. Roles: security configuration. */
@Controller
@RequestMapping("/books")
class BooksController {

	static final int PAGE_SIZE = 25;

	private final JournalQueries queries;

	private final ManualEntries manualEntries;

	private final PeriodClosing closing;

	private final Clock clock;

	BooksController(JournalQueries queries, ManualEntries manualEntries, PeriodClosing closing, Clock clock) {
		this.queries = queries;
		this.manualEntries = manualEntries;
		this.closing = closing;
		this.clock = clock;
	}

	@GetMapping("/accounts")
	String accounts(Model model) {
		model.addAttribute("accounts", queries.accounts());
		model.addAttribute("segments", queries.segments());
		return "books/accounts";
	}

	@GetMapping("/journal")
	String journal(@RequestParam(required = false) Long before, Model model) {
		var entries = queries.latest(before, PAGE_SIZE);
		model.addAttribute("entries", entries);
		model.addAttribute("before", before);
		model.addAttribute("next", entries.size() == PAGE_SIZE ? entries.get(entries.size() - 1).id() : null);
		return "books/journal";
	}

	@GetMapping("/journal/manual")
	String manualForm(Model model) {
		if (!model.containsAttribute("form")) {
			model.addAttribute("form", ManualEntryForm.empty(LocalDate.now(clock)));
		}
		return manualPage(model);
	}

	@PostMapping("/journal/manual")
	@RefusalReturnsTo("/books/journal/manual")
	String postManual(@Valid @ModelAttribute("form") ManualEntryForm form, BindingResult result, Model model,
			RedirectAttributes flash) {
		if (result.hasErrors()) {
			return manualPage(model);
		}
		var entry = manualEntries.submit(form.toRequest());
		if (entry.isPending()) {
			flash.addFlashAttribute("message", "approval.submitted");
			return "redirect:/approvals";
		}
		flash.addFlashAttribute("message", "journal.manual.posted");
		return "redirect:/books/journal#entry-" + entry.booked().id();
	}

	@GetMapping("/periods")
	String periods(@RequestParam(defaultValue = "0") int page, Model model) {
		model.addAttribute("closes", closing.list(Paging.page(page, 100)));
		return periodsPage(model);
	}

	@PostMapping("/periods/close")
	@RefusalReturnsTo("/books/periods#close-forms")
	String close(@Valid @ModelAttribute("closeForm") PeriodCloseForm form, BindingResult result, Model model,
			RedirectAttributes flash) {
		if (!result.hasErrors() && !form.closesMonth() && form.year() == null) {
			result.reject("period.close.monthOrYear");
		}
		if (result.hasErrors()) {
			model.addAttribute("closes", closing.list(Paging.page(0, 100)));
			return periodsPage(model);
		}
		var close = closing.submitClose(form.closesMonth() ? form.yearMonth() : null, form.year());
		flash.addFlashAttribute("message", close.isPending() ? "approval.submitted" : "period.closedNow");
		if (!close.isPending()) {
			flash.addFlashAttribute("closed", close.booked());
		}
		return "redirect:/books/periods";
	}

	/** The periods page; the close forms as typed if they were just refused, else with the next period to close. */
	private String periodsPage(Model model) {
		var today = LocalDate.now(clock);
		var firstOpen = closing.firstOpenMonthWithEntriesBefore(today.withDayOfMonth(1)).orElse(null);
		model.addAttribute("firstOpen", firstOpen);
		if (!model.containsAttribute("closeForm")) {
			// The month to close next: the first one with open entries, else last month; the year: last year.
			var month = firstOpen != null ? firstOpen : YearMonth.from(today).minusMonths(1);
			model.addAttribute("closeForm", new PeriodCloseForm(month.toString(), today.getYear() - 1));
		}
		return "books/periods";
	}

	@PostMapping("/periods/{id}/reopen")
	@RefusalReturnsTo("/books/periods")
	String reopen(@PathVariable long id, @RequestParam(defaultValue = "") String reason, RedirectAttributes flash) {
		var reopened = closing.submitReopen(id, reason);
		flash.addFlashAttribute("message", reopened.isPending() ? "approval.submitted" : "period.reopenedNow");
		return "redirect:/books/periods";
	}

	private String manualPage(Model model) {
		model.addAttribute("allAccounts", Account.values());
		model.addAttribute("allSegments", Segment.values());
		return "books/manual";
	}

}
