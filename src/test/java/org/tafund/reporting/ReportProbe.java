package org.tafund.reporting;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.context.ApplicationContext;
import org.tafund.books.Account;
import tools.jackson.databind.json.JsonMapper;

/**
 * The reports' package-private beans for tests of other packages ({@code books.RandomBooksTests}):
 * the fund statement, the ledger's lines summed per statement line, and the fund statement and
 * status of contributions exactly as the API serves them (of a closed period, as stored at its
 * close).
 */
public final class ReportProbe {

	private final FundStatement statements;

	private final StatusOfContributions status;

	private final Ledger ledger;

	private final ClosedPeriodReports closed;

	private final JsonMapper json;

	public ReportProbe(ApplicationContext context) {
		this.statements = context.getBean(FundStatement.class);
		this.status = context.getBean(StatusOfContributions.class);
		this.ledger = context.getBean(Ledger.class);
		this.closed = context.getBean(ClosedPeriodReports.class);
		this.json = context.getBean(JsonMapper.class);
	}

	/** The key of the fund statement line an account feeds ({@code contributions}, ...), or null for assets. */
	public static String statementLine(Account account) {
		var movement = Movement.of(account);
		return movement == null ? null : movement.key();
	}

	/** The fund statement's lines by key, with {@code opening}, {@code closing} and {@code receivables}. */
	public Map<String, BigDecimal> fundStatement(LocalDate from, LocalDate to) {
		var statement = statements.of(from, to);
		var lines = new LinkedHashMap<String, BigDecimal>();
		lines.put("opening", statement.opening());
		for (var line : statement.movements()) {
			lines.put(line.key(), line.usd());
		}
		lines.put("closing", statement.closing());
		lines.put("receivables", statement.receivables());
		return lines;
	}

	/** The ledger's lines of the period, streamed one by one and added up per fund statement line. */
	public Map<String, BigDecimal> ledgerSums(LocalDate from, LocalDate to) {
		var sums = new LinkedHashMap<String, BigDecimal>();
		for (var movement : Movement.values()) {
			sums.put(movement.key(), BigDecimal.ZERO.setScale(2));
		}
		ledger.stream(from, to, line -> {
			var movement = Movement.of(Account.valueOf(line.account()));
			if (movement != null) {
				sums.merge(movement.key(), line.usd(), BigDecimal::add);
			}
		});
		return sums;
	}

	/** The fund statement JSON as {@code GET /api/v1/reports/fund-statement} serves it. */
	public String servedFundStatement(LocalDate from, LocalDate to) {
		return json.writeValueAsString(closed.of(ClosedPeriodReports.FUND_STATEMENT, from, to,
				FundStatement.Statement.class, () -> statements.of(from, to)).figures());
	}

	/** The status of contributions JSON as {@code GET /api/v1/reports/status-of-contributions} serves it. */
	public String servedStatusOfContributions(LocalDate from, LocalDate to) {
		var filter = ReportFilter.period(from, to);
		return json.writeValueAsString(closed.of(ClosedPeriodReports.STATUS_OF_CONTRIBUTIONS, from, to,
				StatusOfContributions.Summary.class, () -> status.summarise(filter, Integer.MAX_VALUE)).figures());
	}

	/** Whether the two served reports of the period come from a close (stored), not computed now. */
	public boolean servedFromClose(LocalDate from, LocalDate to) {
		return closed.of(ClosedPeriodReports.FUND_STATEMENT, from, to, FundStatement.Statement.class,
				() -> null).close() != null;
	}

}
