package org.tafund.reporting;

import java.time.LocalDate;
import java.util.function.Supplier;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.tafund.books.PeriodCloseView;
import org.tafund.books.PeriodClosing;
import org.tafund.books.PeriodReport;
import tools.jackson.databind.json.JsonMapper;

/**
 * The reports a period close stores (the fund statement and the status of contributions, beside
 * the trial balance the books store themselves), and their reading back: a report asked for a
 * closed period is the one stored at its close, so that later amendments, cancellations,
 * reversals, refunds, revaluations and rates dated in the past leave it exactly as it was.
 */
@Configuration(proxyBeanMethods = false)
class ClosedPeriodReports {

	static final String FUND_STATEMENT = "fund-statement";

	static final String STATUS_OF_CONTRIBUTIONS = "status-of-contributions";

	/** Figures with the close they come from, or none when they were computed now. */
	record Figures<T>(T figures, PeriodCloseView close) {
	}

	private final PeriodClosing closing;

	private final JsonMapper json;

	ClosedPeriodReports(PeriodClosing closing, JsonMapper json) {
		this.closing = closing;
		this.json = json;
	}

	// Static: the books' period closing takes these reports, and this class takes the period closing.
	@Bean
	static PeriodReport fundStatementAtClose(FundStatement statements) {
		return report(FUND_STATEMENT, (from, to) -> statements.of(from, to));
	}

	@Bean
	static PeriodReport statusOfContributionsAtClose(StatusOfContributions status) {
		return report(STATUS_OF_CONTRIBUTIONS,
				(from, to) -> status.summarise(ReportFilter.period(from, to), Integer.MAX_VALUE));
	}

	/** The stored figures when {@code [from, to]} is a closed period that stored them, else {@code compute}. */
	<T> Figures<T> of(String name, LocalDate from, LocalDate to, Class<T> type, Supplier<T> compute) {
		var close = closing.activeClose(from, to);
		if (close.isPresent()) {
			var stored = closing.storedReport(close.get().id(), name);
			if (stored.isPresent()) {
				return new Figures<>(json.readValue(stored.get(), type), close.get());
			}
		}
		return new Figures<>(compute.get(), null);
	}

	private static PeriodReport report(String name, java.util.function.BiFunction<LocalDate, LocalDate, Object> figures) {
		return new PeriodReport() {
			@Override
			public String name() {
				return name;
			}

			@Override
			public Object figures(LocalDate from, LocalDate to) {
				return figures.apply(from, to);
			}
		};
	}

}
