package org.tafund.reporting;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;


import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import org.tafund.shared.Money;

/**
 * The status of contributions: every agreement open during the period, by donor type and donor,
 * with what was agreed, received in the period and to date, outstanding and overdue at the period
 * end (in USD at the UN rate of the period end), and refunded in the period. Sums per agreement
 * are made in SQL; the rows stream, and subtotals by donor type accumulate as they pass. Sums over
 * whole calendar years read the totals kept per agreement and year ({@code journal_agreement_year},
 * {@code receipt_agreement_year}, V48), the rest of a period the journal's lines and the receipts
 * ({@link Years}); one donor's receipts are read from their own rows ({@link #RECEIPTS_SCOPED}). The
 * receivable the books carry at the period end is summed from the years up to it, or is each
 * agreement's kept total ({@code journal_agreement_total}, V23) less what was posted
 * after the period: see {@link #readsFromTheStart}.
 */
@Component
class StatusOfContributions {

	private static final String SQL = """
			select d.id as donor_id, d.name as donor, d.donor_type, a.id as agreement_id, a.reference, a.funding_window,
			       a.currency, a.conditional_terms, a.signed_on, coalesce(mf.previous_total, a.total_amount) as total_amount,
			       a.recognition_rate,
			       coalesce(r.in_period, 0) as received_period, coalesce(j.cash, 0) as received_period_usd,
			       coalesce(r.to_date, 0) as received_to_date,
			       coalesce(fp.amt, 0) as refunded_period, coalesce(j.refunded, 0) as refunded_period_usd,
			       coalesce(j.revenue, 0) as revenue_period_usd, coalesce(j.exchange, 0) as exchange_period_usd,
			       case when :fromStart = 1 then coalesce(j.receivable, 0)
			            else coalesce(jt.receivable, 0) + coalesce(j.receivable, 0) end as receivable_usd,
			       coalesce(od.due, 0) as due_before_end
			  from agreement a
			  join donor d on d.id = a.donor_id
			  left join country dc on dc.code = d.country
			  left join /*receipts*/ r on r.agreement_id = a.id
			  left join (select agreement_id, sum(revenue) as revenue, sum(refunded) as refunded, sum(exchange) as exchange,
			                    sum(cash) as cash, sum(receivable) as receivable from (
			               select t.agreement_id,
			                      case when t.book_year between :firstYear and :lastYear and t.account_code in (:revenue)
			                           then t.credit_usd - t.debit_usd else 0 end as revenue,
			                      case when t.book_year between :firstYear and :lastYear and t.account_code = 'REFUNDS'
			                           then t.debit_usd - t.credit_usd else 0 end as refunded,
			                      case when t.book_year between :firstYear and :lastYear and t.account_code in (:exchange)
			                           then t.credit_usd - t.debit_usd else 0 end as exchange,
			                      case when t.book_year between :firstYear and :lastYear and t.account_code = 'CASH'
			                            and t.source_type in ('RECEIPT', 'RECEIPT_REVERSAL')
			                           then t.debit_usd - t.credit_usd else 0 end as cash,
			                      case when t.account_code not in (:receivable) then 0
			                           when :fromStart = 1 and t.book_year <= :toYear then t.debit_usd - t.credit_usd
			                           when :fromStart = 0 and t.book_year > :toYear then t.credit_usd - t.debit_usd
			                           else 0 end as receivable
			                 from journal_agreement_year t where t.book_year between :yearsFrom and :yearsTo /*scope t.agreement_id*/
			               union all
			               select l.agreement_id,
			                      case when l.accounting_date <= :to and l.account_code in (:revenue)
			                           then l.credit_usd - l.debit_usd else 0 end,
			                      case when l.accounting_date <= :to and l.account_code = 'REFUNDS'
			                           then l.debit_usd - l.credit_usd else 0 end,
			                      case when l.accounting_date <= :to and l.account_code in (:exchange)
			                           then l.credit_usd - l.debit_usd else 0 end,
			                      0,
			                      case when l.accounting_date > :to and l.account_code in (:receivable)
			                           then l.credit_usd - l.debit_usd else 0 end
			                 from journal_line l
			                where l.agreement_id is not null
			                  and (l.accounting_date between :edge1From and :edge1To or l.accounting_date between :edge2From and :edge2To
			                       or l.accounting_date between :tailFrom and :tailTo) /*scope l.agreement_id*/
			               union all
			               select c.agreement_id, 0, 0, 0, c.debit_usd - c.credit_usd, 0
			                 from journal_line c
			                where c.account_code = 'CASH' and c.source_type in ('RECEIPT', 'RECEIPT_REVERSAL')
			                  and c.agreement_id is not null
			                  and (c.accounting_date between :edge1From and :edge1To or c.accounting_date between :edge2From and :edge2To)
			                  /*scope c.agreement_id*/
			             ) jj group by agreement_id) j on j.agreement_id = a.id
			  left join (select t.agreement_id, sum(t.debit_usd - t.credit_usd) as receivable from journal_agreement_total t
			              where :fromStart = 0 and t.account_code in (:receivable) /*scope t.agreement_id*/
			              group by t.agreement_id) jt on jt.agreement_id = a.id
			  left join (select agreement_id, sum(amount) as amt, sum(usd_amount) as usd from refund
			              where refunded_on between :from and :to /*scope agreement_id*/ group by agreement_id) fp on fp.agreement_id = a.id
			  left join (select m.agreement_id, min(m.id) as first_after from amendment m
			              where m.amended_on > :to /*scope m.agreement_id*/ group by m.agreement_id) ma on ma.agreement_id = a.id
			  left join amendment mf on mf.id = ma.first_after
			  left join (select i.agreement_id, i.schedule_number, sum(i.amount) as due from instalment i
			              where i.due_on < :dueBefore /*scope i.agreement_id*/ group by i.agreement_id, i.schedule_number) od
			         on od.agreement_id = a.id and od.schedule_number = coalesce(mf.schedule_number - 1, a.schedule_number)
			 where a.signed_on is not null and a.signed_on <= :to and (a.cancelled_on is null or a.cancelled_on >= :from)
			   and (a.closed_on is null or a.closed_on >= :from)""";

	/**
	 * Each agreement's receipts in the period and to its end, in the agreement's currency: for the whole
	 * Fund from the receipts' year totals (V48) and the part-years' receipts.
	 */
	private static final String RECEIPTS_KEPT = """
			(select agreement_id, sum(in_period) as in_period, sum(to_date) as to_date from (
			               select y.agreement_id,
			                      case when y.book_year between :firstYear and :lastYear then y.agreement_amount else 0 end as in_period,
			                      y.agreement_amount as to_date
			                 from receipt_agreement_year y where y.book_year <= :toYear /*scope y.agreement_id*/
			               union all
			               select x.agreement_id,
			                      case when x.received_on between :from and :to then x.agreement_amount else 0 end,
			                      case when x.received_on > :to then -x.agreement_amount else 0 end
			                 from receipt x
			                where (x.received_on between :edge1From and :edge1To or x.received_on between :edge2From and :edge2To
			                       or x.received_on between :tailFrom and :tailTo) /*scope x.agreement_id*/
			             ) rr group by agreement_id)""";

	/**
	 * The same for one donor's agreements (a donor statement): from their own receipts, by agreement.
	 * The year totals have no index by agreement (one made MariaDB sum each agreement's receipts once
	 * per instalment on the overdue list), so a donor's rows would be found by reading every agreement's.
	 */
	private static final String RECEIPTS_SCOPED = """
			(select x.agreement_id,
			        sum(case when x.received_on between :from and :to then x.agreement_amount else 0 end) as in_period,
			        sum(x.agreement_amount) as to_date
			   from receipt x where x.received_on <= :to /*scope x.agreement_id*/ group by x.agreement_id)""";

	private static final String ORDER = " order by d.donor_type, d.name, a.signed_on, a.reference";

	// The fund statement's lines say which accounts are contributions and exchange (Movement).
	private static final List<String> REVENUE = Movement.CONTRIBUTIONS.codes();

	private static final List<String> EXCHANGE = Movement.EXCHANGE.codes();

	private static final List<String> RECEIVABLE = List.of(org.tafund.books.Account.RECEIVABLE.code(),
			org.tafund.books.Account.RECEIVABLE_FX.code());

	/** One agreement's line. USD figures at the period-end rate say which rate they used. */
	record Row(long donorId, String donor, String donorType, String window, long agreementId, String reference,
			int year, LocalDate signedOn, String currency, boolean conditional, BigDecimal agreed, BigDecimal agreedUsd,
			BigDecimal receivedInPeriod, BigDecimal receivedInPeriodUsd, BigDecimal receivedToDate,
			BigDecimal outstanding, BigDecimal periodEndRate, LocalDate periodEndRateDate, BigDecimal outstandingUsd,
			BigDecimal overdue, BigDecimal overdueUsd, BigDecimal refunded, BigDecimal refundedUsd,
			boolean signedInPeriod, BigDecimal recognisedInPeriodUsd, BigDecimal exchangeInPeriodUsd,
			BigDecimal receivableUsd) {
	}

	/** USD totals of a group of rows (a donor type, or all). */
	record Totals(String label, int agreements, BigDecimal agreedUsd, BigDecimal receivedInPeriodUsd,
			BigDecimal outstandingUsd, BigDecimal overdueUsd, BigDecimal refundedUsd, BigDecimal recognisedInPeriodUsd,
			BigDecimal exchangeInPeriodUsd, BigDecimal receivableUsd) {

		static Totals zero(String label) {
			return new Totals(label, 0, BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO,
					BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO);
		}

		Totals plus(Row row) {
			return new Totals(label, agreements + 1, agreedUsd.add(row.agreedUsd()),
					receivedInPeriodUsd.add(row.receivedInPeriodUsd()), outstandingUsd.add(nz(row.outstandingUsd())),
					overdueUsd.add(nz(row.overdueUsd())), refundedUsd.add(row.refundedUsd()),
					recognisedInPeriodUsd.add(row.recognisedInPeriodUsd()),
					exchangeInPeriodUsd.add(row.exchangeInPeriodUsd()), receivableUsd.add(row.receivableUsd()));
		}

		private static BigDecimal nz(BigDecimal value) {
			return value == null ? BigDecimal.ZERO : value;
		}

	}

	/** The page and JSON view: the first rows, subtotals by donor type, the grand total. */
	record Summary(ReportFilter filter, List<Row> rows, long rowCount, List<Totals> byDonorType, Totals total,
			List<String> currenciesWithoutRate) {
	}

	private final JdbcClient jdbc;

	private final Clock clock;

	StatusOfContributions(ReportsDatabase reports, Clock clock) {
		this.clock = clock;
		var template = new JdbcTemplate(reports.dataSource());
		template.setFetchSize(Ledger.FETCH_SIZE);
		this.jdbc = JdbcClient.create(template);
	}

	@Transactional(transactionManager = ReportsDatabase.TRANSACTIONS, readOnly = true)
	void stream(ReportFilter filter, Consumer<Row> sink) {
		var where = filter.contributions(Sql.where());
		// Overdue means past due by the period end, and nothing due in the future is overdue yet.
		var today = LocalDate.now(clock);
		var dueBefore = filter.to().isAfter(today) ? today : filter.to();
		var rates = ratesOn(filter.to());
		var fromStart = readsFromTheStart(filter.from(), filter.to());
		var years = Years.of(filter.from(), filter.to());
		var receipts = filter.donorId() == null ? RECEIPTS_KEPT : RECEIPTS_SCOPED;
		jdbc.sql(scoped(SQL.replace("/*receipts*/", receipts), where) + where.text() + ORDER)
			.params(where.params())
			.param("from", filter.from())
			.param("to", filter.to())
			.param("dueBefore", dueBefore)
			.param("fromStart", fromStart ? 1 : 0)
			.params(years.parameters())
			.param("toYear", filter.to().getYear())
			.param("yearsFrom", fromStart ? 0 : Math.min(years.firstYear(), filter.to().getYear() + 1))
			.param("yearsTo", fromStart ? filter.to().getYear() : 9999)
			.param("revenue", REVENUE)
			.param("exchange", EXCHANGE)
			.param("receivable", RECEIVABLE)
			.query(rs -> {
				sink.accept(row(rs, filter, rates));
			});
	}

	/**
	 * Whether the agreements' receivables at the period end are summed from the journal's first line
	 * to the period end, or taken from their kept totals less what came after the period: whichever
	 * reads fewer lines, by the journal's monthly line counts. For last year that is the kept totals
	 * (the lines since January); for a year long past, the lines up to its end. Both give the same sums.
	 */
	boolean readsFromTheStart(LocalDate from, LocalDate to) {
		if (forced != null) {
			return forced;
		}
		var counts = jdbc.sql("select coalesce(sum(case when period < :fromMonth then line_count else 0 end), 0), "
				+ "coalesce(sum(case when period > :toMonth then line_count else 0 end), 0) from journal_month_total")
			.param("fromMonth", from.toString().substring(0, 7))
			.param("toMonth", to.toString().substring(0, 7))
			.query((rs, n) -> new long[] { rs.getLong(1), rs.getLong(2) })
			.single();
		return counts[0] < counts[1];
	}

	// Set by tests on an instance of their own, to read the same report both ways; null decides by the counts.
	private Boolean forced;

	void readFromTheStart(Boolean fromStart) {
		forced = fromStart;
	}

	private static final java.util.regex.Pattern SCOPE = java.util.regex.Pattern.compile("/\\*scope ([a-z._]+)\\*/");

	/**
	 * The query with each sum narrowed to the agreements the filters keep. The sums are grouped
	 * subqueries joined on the agreement: the optimizer makes each one whole before the join, so a
	 * donor's statement summed every receipt and journal line of the Fund (10 s on the volume data)
	 * unless the donor's condition is written inside them too.
	 */
	static String scoped(String sql, Sql.Where where) {
		if (where.params().isEmpty()) {
			return SCOPE.matcher(sql).replaceAll("");
		}
		return SCOPE.matcher(sql).replaceAll(scope -> java.util.regex.Matcher.quoteReplacement(" and " + scope.group(1)
				+ " in (select a.id from agreement a join donor d on d.id = a.donor_id left join country dc on dc.code = d.country"
				+ " where a.signed_on is not null" + where.text() + ")"));
	}

	@Transactional(transactionManager = ReportsDatabase.TRANSACTIONS, readOnly = true)
	Summary summarise(ReportFilter filter, int keep) {
		var rows = new ArrayList<Row>();
		var byType = new LinkedHashMap<String, Totals>();
		var total = new Totals[] { Totals.zero("total") };
		var count = new long[1];
		var missing = new java.util.TreeSet<String>();
		stream(filter, row -> {
			if (rows.size() < keep) {
				rows.add(row);
			}
			count[0]++;
			byType.merge(row.donorType(), Totals.zero(row.donorType()).plus(row), (old, one) -> old.plus(row));
			total[0] = total[0].plus(row);
			if (row.periodEndRate() == null) {
				missing.add(row.currency());
			}
		});
		return new Summary(filter, rows, count[0], List.copyOf(byType.values()), total[0], List.copyOf(missing));
	}

	private static Row row(ResultSet rs, ReportFilter filter, Map<String, Rate> rates) throws SQLException {
		var currency = rs.getString("currency");
		var total = Sql.money(rs, "total_amount", currency);
		var receivedToDate = Sql.money(rs, "received_to_date", currency);
		var outstanding = total.minus(receivedToDate.min(total));
		var due = Sql.money(rs, "due_before_end", currency);
		var overdue = due.isGreaterThan(receivedToDate) ? due.minus(receivedToDate) : Money.zero(currency);
		var rate = rates.get(currency);
		var signedOn = rs.getDate("signed_on").toLocalDate();
		return new Row(rs.getLong("donor_id"), rs.getString("donor"), rs.getString("donor_type"),
				rs.getString("funding_window"), rs.getLong("agreement_id"), rs.getString("reference"),
				signedOn.getYear(), signedOn, currency, rs.getBoolean("conditional_terms"), total.amount(),
				// The value agreed at the period end, at the signature rate, as its amendments recognise it.
				total.toUsd(rs.getBigDecimal("recognition_rate")).amount(), Sql.money(rs, "received_period", currency).amount(),
				Sql.usd(rs, "received_period_usd"), receivedToDate.amount(), outstanding.amount(),
				rate == null ? null : rate.unitsPerUsd(), rate == null ? null : rate.effectiveDate(),
				rate == null ? null : outstanding.toUsd(rate.unitsPerUsd()).amount(), overdue.amount(),
				rate == null ? null : overdue.toUsd(rate.unitsPerUsd()).amount(),
				Sql.money(rs, "refunded_period", currency).amount(), Sql.usd(rs, "refunded_period_usd"),
				!signedOn.isBefore(filter.from()), Sql.usd(rs, "revenue_period_usd"),
				Sql.usd(rs, "exchange_period_usd"), Sql.usd(rs, "receivable_usd"));
	}


	record Rate(BigDecimal unitsPerUsd, LocalDate effectiveDate) {
	}

	/** The UN rate in effect on a date for every currency that has one; USD is 1. */
	Map<String, Rate> ratesOn(LocalDate date) {
		return ratesOn(jdbc, date);
	}

	static Map<String, Rate> ratesOn(JdbcClient jdbc, LocalDate date) {
		var rates = new HashMap<String, Rate>();
		rates.put(Money.USD, new Rate(BigDecimal.ONE, date));
		jdbc.sql("""
				select x.currency, x.units_per_usd, x.effective_date from exchange_rate x
				 where x.effective_date = (select max(y.effective_date) from exchange_rate y
				                            where y.currency = x.currency and y.effective_date <= :date)""")
			.param("date", date)
			.query(rs -> {
				rates.put(rs.getString(1), new Rate(rs.getBigDecimal(2), rs.getDate(3).toLocalDate()));
			});
		return rates;
	}

}
