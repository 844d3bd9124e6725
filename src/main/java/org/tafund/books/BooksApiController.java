package org.tafund.books;

import java.net.URI;
import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;

import jakarta.validation.Valid;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.tafund.shared.BusinessRuleViolation;
import org.tafund.shared.Paging;

/** The journal and period closes in JSON. Who may call what: the security configuration. */
@RestController
@RequestMapping("/api/v1")
class BooksApiController {

	/** {@code {"month":"2025-03"}} or {@code {"year":2025}}. */
	record CloseRequest(YearMonth month, Integer year) {
	}

	record ReopenRequest(String reason) {
	}

	/** The verification, with its sentence ("Intact, 12 entries."). */
	record VerificationResponse(boolean intact, long entries, Verification.Broken firstBroken, String summary) {
	}

	record Chart(List<JournalQueries.AccountView> accounts, List<JournalQueries.SegmentView> segments) {
	}

	private final JournalQueries queries;

	private final JournalVerification verification;

	private final ManualEntries manualEntries;

	private final PeriodClosing closing;

	private final MessageSource messages;

	private final Clock clock;

	BooksApiController(JournalQueries queries, JournalVerification verification, ManualEntries manualEntries,
			PeriodClosing closing, MessageSource messages, Clock clock) {
		this.queries = queries;
		this.verification = verification;
		this.manualEntries = manualEntries;
		this.closing = closing;
		this.messages = messages;
		this.clock = clock;
	}

	@GetMapping("/journal/verify")
	VerificationResponse verify() {
		var result = verification.verify();
		return new VerificationResponse(result.intact(), result.entries(), result.firstBroken(),
				messages.getMessage(JournalAuditController.summary(result), LocaleContextHolder.getLocale()));
	}

	@GetMapping("/journal/trial-balance")
	TrialBalance trialBalance(@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to) {
		var today = LocalDate.now(clock);
		return queries.trialBalance(from == null ? today.withDayOfYear(1) : from, to == null ? today : to);
	}

	@GetMapping("/journal/accounts")
	Chart accounts() {
		return new Chart(queries.accounts(), queries.segments());
	}

	@GetMapping("/journal/entries")
	List<JournalEntryView> entries(@RequestParam(required = false) Long before,
			@RequestParam(defaultValue = "50") int size) {
		return queries.latest(before, size);
	}

	@GetMapping("/journal/entries/{id}")
	JournalEntryView entry(@PathVariable long id) {
		return queries.entry(id);
	}

	@PostMapping("/journal/entries")
	ResponseEntity<Object> postManual(@Valid @RequestBody ManualEntryRequest request) {
		var entry = manualEntries.submit(request);
		return entry.isPending() ? ResponseEntity.accepted().body(entry.pending())
				: ResponseEntity.created(URI.create("/api/v1/journal/entries/" + entry.booked().id())).body(entry.booked());
	}

	@GetMapping("/periods")
	List<PeriodCloseView> periods(@RequestParam(defaultValue = "0") int page,
			@RequestParam(defaultValue = "100") int size) {
		return closing.list(Paging.page(page, size));
	}

	@GetMapping("/periods/{id}")
	PeriodCloseView period(@PathVariable long id) {
		return closing.get(id);
	}

	/** The reports stored at close, byte for byte; the ETag is their fingerprint. */
	@GetMapping(path = "/periods/{id}/snapshot", produces = MediaType.APPLICATION_JSON_VALUE)
	ResponseEntity<byte[]> snapshot(@PathVariable long id) {
		var close = closing.get(id);
		return ResponseEntity.ok()
			.contentType(MediaType.APPLICATION_JSON)
			.header(HttpHeaders.ETAG, "\"" + close.fingerprint() + "\"")
			.body(closing.snapshot(id).getBytes(java.nio.charset.StandardCharsets.UTF_8));
	}

	@PostMapping("/periods/close")
	ResponseEntity<Object> close(@RequestBody CloseRequest request) {
		if ((request.month() == null) == (request.year() == null)) {
			throw new BusinessRuleViolation("period.close.monthOrYear");
		}
		var close = closing.submitClose(request.month(), request.month() != null ? null : request.year());
		return close.isPending() ? ResponseEntity.accepted().body(close.pending())
				: ResponseEntity.created(URI.create("/api/v1/periods/" + close.booked().id())).body(close.booked());
	}

	@PostMapping("/periods/{id}/reopen")
	ResponseEntity<Object> reopen(@PathVariable long id, @RequestBody ReopenRequest request) {
		var reopened = closing.submitReopen(id, request.reason());
		return reopened.isPending() ? ResponseEntity.accepted().body(reopened.pending())
				: ResponseEntity.ok(reopened.booked());
	}

}
