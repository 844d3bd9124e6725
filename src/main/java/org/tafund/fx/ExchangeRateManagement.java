package org.tafund.fx;

import java.io.IOException;
import java.io.Reader;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.tafund.approvals.ApprovalView;
import org.tafund.approvals.Submitted;
import org.tafund.shared.BusinessRuleViolation;
import org.tafund.shared.Money;
import org.tafund.shared.PlanningDates;

/**
 * The UN operational rates of exchange. A transaction uses the rate with the latest effective
 * date on or before its own date; USD is the base and needs no rate.
 */
@Service
@Transactional
public class ExchangeRateManagement {

	static final List<String> CSV_HEADER = List.of("currency", "effective_date", "units_per_usd");

	private static final BigDecimal MAX_RATE = new BigDecimal("99999999999.99999999");

	private final ExchangeRates rates;

	private final MessageSource messages;

	private final FxMakerChecker makerChecker;

	ExchangeRateManagement(ExchangeRates rates, MessageSource messages, FxMakerChecker makerChecker) {
		this.makerChecker = makerChecker;
		this.rates = rates;
		this.messages = messages;
	}

	public RateView record(String currency, LocalDate effectiveDate, BigDecimal unitsPerUsd) {
		var rate = validated(currency, effectiveDate, unitsPerUsd);
		if (rates.existsByCurrencyAndEffectiveDate(rate.currency(), effectiveDate)) {
			throw new BusinessRuleViolation("fx.duplicate", rate.currency(), effectiveDate);
		}
		return rates.save(new ExchangeRate(rate.currency(), effectiveDate, rate.unitsPerUsd())).view();
	}

	/** The rate a transaction in {@code currency} on {@code date} is booked at. */
	@Transactional(readOnly = true)
	public AppliedRate rateOn(String currency, LocalDate date) {
		var code = currency.strip().toUpperCase(Locale.ROOT);
		if (code.equals(Money.USD)) {
			return AppliedRate.usd(date);
		}
		return rates.findFirstByCurrencyAndEffectiveDateLessThanEqualOrderByEffectiveDateDesc(code, date)
			.map(ExchangeRate::applied)
			.orElseThrow(() -> new MissingExchangeRate(code, date));
	}

	/** Of {@code currencies}, those with no rate effective on or after {@code since} (none at all, or only older ones). */
	@org.springframework.transaction.annotation.Transactional(readOnly = true)
	public java.util.SortedSet<String> withoutRateSince(java.util.Collection<String> currencies, LocalDate since) {
		var missing = new java.util.TreeSet<String>(currencies);
		missing.remove(Money.USD);
		if (missing.isEmpty()) {
			return missing;
		}
		for (var latest : rates.latestDates(java.util.List.copyOf(missing))) {
			if (!((LocalDate) latest[1]).isBefore(since)) {
				missing.remove((String) latest[0]);
			}
		}
		return missing;
	}

	/** The same rate, or none when the currency has no rate on or before the date (nothing is refused). */
	@Transactional(readOnly = true)
	public java.util.Optional<AppliedRate> findRateOn(String currency, LocalDate date) {
		var code = currency.strip().toUpperCase(Locale.ROOT);
		if (code.equals(Money.USD)) {
			return java.util.Optional.of(AppliedRate.usd(date));
		}
		return rates.findFirstByCurrencyAndEffectiveDateLessThanEqualOrderByEffectiveDateDesc(code, date)
			.map(ExchangeRate::applied);
	}

	@Transactional(readOnly = true)
	public Page<RateView> list(String currency, Pageable pageable) {
		var page = currency == null || currency.isBlank() ? rates.findAllByOrderByEffectiveDateDescCurrencyAsc(pageable)
				: rates.findByCurrencyOrderByEffectiveDateDesc(currency.strip().toUpperCase(Locale.ROOT), pageable);
		return page.map(ExchangeRate::view);
	}

	/**
	 * Imports {@code currency,effective_date,units_per_usd} rows. All or nothing: one rejected row
	 * and nothing is stored, so a half-loaded month can never be booked against.
	 */
	public RateImport importCsv(Reader input) {
		return importCsv(input, false).booked();
	}

	/**
	 * A rate as a user types it: stored, or (checked as if stored) pending a second person's
	 * approval when an administrator has put new rates under maker-checker.
	 */
	public Submitted<RateView> submitRate(String currency, LocalDate effectiveDate, BigDecimal unitsPerUsd) {
		var rate = validated(currency, effectiveDate, unitsPerUsd);
		if (rates.existsByCurrencyAndEffectiveDate(rate.currency(), effectiveDate)) {
			throw new BusinessRuleViolation("fx.duplicate", rate.currency(), effectiveDate);
		}
		var row = new FxMakerChecker.RateRow(rate.currency(), effectiveDate, rate.unitsPerUsd());
		var held = makerChecker.holdIfRequired(List.of(row));
		if (held.isPresent()) {
			return Submitted.pendingAs(held.get());
		}
		return Submitted.bookedAs(record(currency, effectiveDate, unitsPerUsd));
	}

	/**
	 * A CSV import as a user sends it: checked line by line as {@link #importCsv}; with no line
	 * refused, stored, or pending a second person's approval when new rates are under maker-checker.
	 */
	public Submitted<RateImport> submitImport(Reader input) {
		return importCsv(input, true);
	}

	/** Stores rows an approver approved, checking again that none was stored meanwhile. */
	int store(List<FxMakerChecker.RateRow> rows) {
		var corrections = rows.stream().filter(FxMakerChecker.RateRow::isCorrection).toList();
		var added = rows.stream().filter(row -> !row.isCorrection()).toList();
		corrections.forEach(row -> stored(row.currency(), row.effectiveDate()).correct(row.unitsPerUsd(),
				row.correctionReason()));
		requireNoneStored(added);
		rates.saveAll(added.stream().map(row -> new ExchangeRate(row.currency(), row.effectiveDate(), row.unitsPerUsd()))
			.toList());
		return rows.size();
	}

	private ExchangeRate stored(String currency, LocalDate date) {
		return rates.findByCurrencyAndEffectiveDate(currency, date)
			// Rates are never deleted: a pending correction always finds its rate.
			.orElseThrow(() -> new IllegalStateException("No " + currency + " rate of " + date + " to correct"));
	}

	@Transactional(readOnly = true)
	public RateView rate(long id) {
		return rates.findById(id).orElseThrow(() -> new RateNotFound(id)).view();
	}

	/**
	 * Corrects a published rate, with the reason: stored now, or pending a second person's approval
	 * when new rates are under maker-checker (a correction changes a rate as much as a new one does).
	 * Transactions already booked keep the rate they stored.
	 */
	public Submitted<RateView> submitCorrection(long id, long expectedVersion, BigDecimal unitsPerUsd, String reason) {
		var rate = rates.findById(id).orElseThrow(() -> new RateNotFound(id));
		if (rate.getVersion() != expectedVersion) {
			throw new org.tafund.shared.ConcurrentEdit("rate", rate.view().currency() + " " + rate.view().effectiveDate());
		}
		var view = rate.view();
		var checked = validated(view.currency(), view.effectiveDate(), unitsPerUsd);
		if (reason == null || reason.isBlank()) {
			throw BusinessRuleViolation.ofField("reason", "fx.correction.reason");
		}
		if (checked.unitsPerUsd().compareTo(view.unitsPerUsd()) == 0) {
			throw BusinessRuleViolation.ofField("unitsPerUsd", "fx.correction.unchanged", view.currency(),
					view.effectiveDate());
		}
		var row = new FxMakerChecker.RateRow(view.currency(), view.effectiveDate(), checked.unitsPerUsd(), reason.strip());
		var held = makerChecker.holdIfRequired(List.of(row));
		if (held.isPresent()) {
			return Submitted.pendingAs(held.get());
		}
		rate.correct(checked.unitsPerUsd(), reason);
		rates.flush();
		return Submitted.bookedAs(rate.view());
	}

	/** No rate has this id. */
	static class RateNotFound extends org.tafund.shared.NotFound {

		RateNotFound(long id) {
			super("No exchange rate " + id);
		}

	}

	private Submitted<RateImport> importCsv(Reader input, boolean asked) {
		var parsed = parse(input, false);
		if (!parsed.rejections().isEmpty()) {
			return Submitted.bookedAs(new RateImport(0, parsed.rejections()));
		}
		return store(parsed.lines().stream().map(RatePreview.Line::row).toList(), asked);
	}

	/**
	 * What an import would store, line by line, before anything is: each rate new, the same as the
	 * one stored for its currency and date, or different from it; and the lines refused.
	 */
	@Transactional(readOnly = true)
	public RatePreview preview(Reader input) {
		return parse(input, true);
	}

	/**
	 * Stores the new rates of a preview the user confirmed, after checking again that nothing was
	 * stored meanwhile (all or nothing, as an import): pending approval when new rates are under
	 * maker-checker.
	 */
	public Submitted<RateImport> confirm(RatePreview preview) {
		if (!preview.storable()) {
			throw new BusinessRuleViolation("fx.import.notStorable");
		}
		var rows = preview.lines()
			.stream()
			.filter(line -> line.status() == RatePreview.Status.NEW)
			.map(RatePreview.Line::row)
			.toList();
		requireNoneStored(rows);
		return store(rows, true);
	}

	/** Refuses rows of which a rate was stored since they were checked (by another user, meanwhile). */
	private void requireNoneStored(List<FxMakerChecker.RateRow> rows) {
		for (var row : rows) {
			if (rates.existsByCurrencyAndEffectiveDate(row.currency(), row.effectiveDate())) {
				throw new BusinessRuleViolation("fx.duplicate", row.currency(), row.effectiveDate());
			}
		}
	}

	private Submitted<RateImport> store(List<FxMakerChecker.RateRow> rows, boolean asked) {
		var held = asked ? makerChecker.holdIfRequired(rows) : java.util.Optional.<ApprovalView>empty();
		if (held.isPresent()) {
			return Submitted.pendingAs(held.get());
		}
		rates.saveAll(rows.stream().map(row -> new ExchangeRate(row.currency(), row.effectiveDate(), row.unitsPerUsd()))
			.toList());
		return Submitted.bookedAs(new RateImport(rows.size(), List.of()));
	}

	/**
	 * Reads either layout. A rate already stored for its currency and date is refused as a
	 * duplicate, unless {@code classifyStored} (a preview), which marks it the same or different.
	 */
	private RatePreview parse(Reader input, boolean classifyStored) {
		// Excel's "CSV UTF-8" starts with a byte-order mark, which would otherwise spoil the header.
		var csv = new java.io.PushbackReader(input, 1);
		try {
			int first = csv.read();
			if (first != -1 && first != '\uFEFF') {
				csv.unread(first);
			}
		}
		catch (java.io.IOException e) {
			throw new java.io.UncheckedIOException(e);
		}
		var lines = new ArrayList<RatePreview.Line>();
		var rejections = new ArrayList<RateImport.Rejection>();
		var seen = new HashSet<String>();
		// The Treasury's layout gives one currency on many rows (every country that uses it): the
		// first row of a currency counts, the others must agree with it.
		var firstOf = new java.util.HashMap<String, TreasuryLayout.Row>();
		try (var parser = CSVFormat.DEFAULT.builder().setTrim(true).setIgnoreEmptyLines(true).get().parse(csv)) {
			TreasuryLayout treasury = null;
			boolean header = true;
			for (CSVRecord row : parser) {
				long line = parser.getCurrentLineNumber();
				if (header) {
					header = false;
					var names = row.toList().stream().map(s -> s.toLowerCase(Locale.ROOT)).toList();
					treasury = TreasuryLayout.of(names);
					if (treasury == null && !names.equals(CSV_HEADER)) {
						rejections.add(new RateImport.Rejection(line, text("fx.import.header", String.join(",", CSV_HEADER))));
						break;
					}
					continue;
				}
				try {
					String currency;
					LocalDate date;
					BigDecimal unitsPerUsd;
					if (treasury != null) {
						var given = treasury.read(row, line);
						if (given == null) {
							continue;
						}
						var first = firstOf.putIfAbsent(given.currency(), given);
						if (first != null) {
							if (first.rate().compareTo(given.rate()) != 0 || !first.date().equals(given.date())) {
								throw new BusinessRuleViolation("fx.import.disagrees", given.currency(), first.line(),
										first.rate().toPlainString(), first.date(), given.rate().toPlainString(),
										given.date());
							}
							continue;
						}
						currency = given.currency();
						date = given.date();
						unitsPerUsd = given.rate();
						if (currency.equals(Money.USD)) {
							// The United States and the other dollar economies are listed at 1: nothing to store.
							continue;
						}
					}
					else {
						if (row.size() != 3) {
							throw new BusinessRuleViolation("fx.import.columns", row.size());
						}
						currency = row.get(0);
						date = parseDate(row.get(1));
						unitsPerUsd = parseRate(row.get(2));
					}
					var rate = validated(currency, date, unitsPerUsd);
					if (!seen.add(rate.currency() + "/" + date) ) {
						throw new BusinessRuleViolation("fx.import.repeated", rate.currency(), date);
					}
					var stored = rates.findByCurrencyAndEffectiveDate(rate.currency(), date);
					if (stored.isPresent() && !classifyStored) {
						throw new BusinessRuleViolation("fx.duplicate", rate.currency(), date);
					}
					var storedRate = stored.map(r -> r.view().unitsPerUsd()).orElse(null);
					var status = storedRate == null ? RatePreview.Status.NEW
							: storedRate.compareTo(rate.unitsPerUsd()) == 0 ? RatePreview.Status.SAME
									: RatePreview.Status.DIFFERENT;
					lines.add(new RatePreview.Line(line, rate.currency(), date, rate.unitsPerUsd(), status, storedRate));
				}
				// Not a page refusal: a refused line is listed with the import's result and the other lines go on.
				catch (BusinessRuleViolation e) {
					rejections.add(new RateImport.Rejection(line, text(e)));
				}
			}
		}
		catch (IOException | RuntimeException e) {
			if (e instanceof BusinessRuleViolation) {
				throw (BusinessRuleViolation) e;
			}
			rejections.add(new RateImport.Rejection(0, text("fx.import.unreadable")));
		}
		if (lines.isEmpty() && rejections.isEmpty()) {
			rejections.add(new RateImport.Rejection(0, text("fx.import.empty")));
		}
		return new RatePreview(List.copyOf(lines), List.copyOf(rejections));
	}

	private static AppliedRate validated(String currency, LocalDate date, BigDecimal unitsPerUsd) {
		if (date == null) {
			throw new BusinessRuleViolation("fx.date.required");
		}
		// Rates are announced ahead, so a date to come is fine; a mistyped year is not.
		PlanningDates.require(date, "effectiveDate");
		Money.digits(currency);
		var code = currency.strip().toUpperCase(Locale.ROOT);
		if (code.equals(Money.USD)) {
			throw new BusinessRuleViolation("fx.usdIsBase");
		}
		if (unitsPerUsd == null || unitsPerUsd.signum() <= 0) {
			throw new BusinessRuleViolation("fx.rate.positive");
		}
		if (unitsPerUsd.stripTrailingZeros().scale() > 8 || unitsPerUsd.compareTo(MAX_RATE) > 0) {
			throw new BusinessRuleViolation("fx.rate.precision");
		}
		return new AppliedRate(code, date, unitsPerUsd);
	}

	/** The Treasury writes dates as {@code 01 Dec 2016}; ISO dates are read too. */
	private static final java.time.format.DateTimeFormatter TREASURY_DATE = new java.time.format.DateTimeFormatterBuilder()
		.parseCaseInsensitive()
		.appendPattern("d[ ][-]MMM[ ][-]uuuu")
		.toFormatter(Locale.ENGLISH);

	static LocalDate parseDate(String text) {
		try {
			return LocalDate.parse(text);
		}
		catch (DateTimeParseException e) {
			try {
				return LocalDate.parse(text.strip(), TREASURY_DATE);
			}
			catch (DateTimeParseException again) {
				throw new BusinessRuleViolation("fx.import.date", text);
			}
		}
	}

	static BigDecimal parseRate(String text) {
		try {
			return new BigDecimal(text);
		}
		catch (NumberFormatException e) {
			throw new BusinessRuleViolation("fx.import.rate", text);
		}
	}

	private String text(BusinessRuleViolation e) {
		return messages.getMessage(e, LocaleContextHolder.getLocale());
	}

	private String text(String key, Object... args) {
		return messages.getMessage(key, args, LocaleContextHolder.getLocale());
	}

}
