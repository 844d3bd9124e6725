package org.tafund.fx;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Lazy;
import org.tafund.approvals.ApprovalAction;
import org.tafund.approvals.ApprovalExecutor;
import org.tafund.approvals.ApprovalView;
import org.tafund.approvals.Approvals;
import org.tafund.approvals.PendingRecord;

/**
 * The exchange rates' side of maker-checker: new rates (typed one by one or imported from a file)
 * that need a second person are handed over as pending, and stored once approved.
 */
@Configuration(proxyBeanMethods = false)
class FxMakerChecker {

	/** One rate asked for: a new one, or (with a reason) the correction of the one stored for its day. */
	record RateRow(String currency, LocalDate effectiveDate, BigDecimal unitsPerUsd, String correctionReason) {

		RateRow(String currency, LocalDate effectiveDate, BigDecimal unitsPerUsd) {
			this(currency, effectiveDate, unitsPerUsd, null);
		}

		boolean isCorrection() {
			return correctionReason != null;
		}

	}

	/** The rates of one request (a typed rate or an imported file), kept until approved. */
	record RatesAsked(List<RateRow> rows) {
	}

	private final Approvals approvals;

	FxMakerChecker(Approvals approvals) {
		this.approvals = approvals;
	}

	/** The pending record, when new rates need a second person (they have no USD amount: always then). */
	Optional<ApprovalView> holdIfRequired(List<RateRow> rows) {
		var currencies = rows.stream().map(RateRow::currency).distinct().sorted().collect(Collectors.joining(", "));
		var shown = rows.stream()
			.limit(5)
			.map(row -> row.currency() + " " + row.unitsPerUsd().stripTrailingZeros().toPlainString() + " ("
					+ row.effectiveDate() + ")")
			.collect(Collectors.joining("; "));
		var correction = rows.size() == 1 && rows.get(0).isCorrection() ? rows.get(0) : null;
		// The approver reads a correction as one, with its reason.
		var summary = correction != null
				? org.tafund.shared.Summary.of("approval.summary.rateCorrection", correction.currency(),
						correction.effectiveDate(), correction.unitsPerUsd(), correction.correctionReason())
				: org.tafund.shared.Summary.of("approval.summary.rates", rows.size(),
						new org.tafund.shared.Summary.Dated(shown + (rows.size() > 5 ? "; …" : "")));
		var key = rows.stream()
			.map(row -> row.currency() + "/" + row.effectiveDate() + "/" + row.unitsPerUsd().toPlainString())
			.sorted()
			.collect(Collectors.joining(","));
		return approvals.holdIfRequired(ApprovalAction.RATE_IMPORT, null,
				() -> new PendingRecord(ApprovalAction.RATE_IMPORT, "RATES", null,
						currencies.length() > 200 ? currencies.substring(0, 199) + "…" : currencies, summary, null, key,
						new RatesAsked(rows)));
	}

	// @Lazy: the rates service needs this class, and this stores through the service.

	@Bean
	ApprovalExecutor approvedRates(@Lazy ExchangeRateManagement rates) {
		return approvals.executor(ApprovalAction.RATE_IMPORT, RatesAsked.class,
				asked -> rates.store(asked.rows()) + " exchange rates");
	}

}
