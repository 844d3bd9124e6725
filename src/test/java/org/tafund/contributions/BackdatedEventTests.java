package org.tafund.contributions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.tafund.books.Account;
import org.tafund.books.Balance;
import org.tafund.books.BalanceQuery;
import org.tafund.books.Dimension;
import org.tafund.books.JournalQueries;
import org.tafund.donors.DonorDetails;
import org.tafund.donors.DonorManagement;
import org.tafund.donors.DonorType;
import org.tafund.fx.ExchangeRateManagement;
import org.tafund.shared.BusinessRuleViolation;
import org.tafund.support.IntegrationTest;
import org.tafund.support.TestRates;

/**
 * Events recorded after later-dated events of the same agreement: a receipt whose bank value date
 * is before a receipt already booked, an amendment dated before one. Each is posted from the
 * position of its own day, and the later events are adjusted on their own dates, so that every
 * month end between them carries what was then owed. This class owns AUD.
 */
@IntegrationTest
class BackdatedEventTests {

	@Autowired
	ContributionManagement contributions;

	@Autowired
	DonorManagement donors;

	@Autowired
	ExchangeRateManagement rates;

	@Autowired
	JournalQueries books;

	@Autowired
	JdbcTemplate jdbc;

	/** AUD 100,000.00 for the general-purpose window, signed on 15 January 2025 at 1.60: USD 62,500.00 receivable. */
	AgreementView agreement() {
		TestRates.ensure(rates, "AUD", "2025-01-01", "1.60");
		TestRates.ensure(rates, "AUD", "2025-03-01", "1.50");
		TestRates.ensure(rates, "AUD", "2025-06-01", "1.40");
		var donor = donors.register(new DonorDetails("Backdating Test Donor " + UUID.randomUUID(), DonorType.FOUNDATION,
				null, null, null, null, true, List.of())).id();
		return contributions.createAgreement(new AgreementTerms("AUD-" + UUID.randomUUID(), donor, "AUD",
				new BigDecimal("100000.00"), FundingWindow.CPCJF_GENERAL_PURPOSE, null, 1, null, null, null, null, false,
				null, null, LocalDate.parse("2025-01-15"),
				List.of(new ScheduleLine(LocalDate.parse("2025-12-31"), new BigDecimal("100000.00")))));
	}

	ReceiptView receive(long agreementId, String date, String amount, boolean overpayment) {
		return contributions.recordReceipt(agreementId, new ReceiptCommand(LocalDate.parse(date), new BigDecimal(amount),
				"AUD", "BANK-" + date, null, overpayment));
	}

	@Test
	void aReceiptDatedBeforeOneAlreadyBookedReliesWhatWasOwedOnItsDayAndTheLaterOneIsAdjusted() {
		var agreement = agreement();
		// June first: AUD 100,000.00 at 1.40 = USD 71,428.57 settles the 62,500.00 carried, a realised
		// gain of 8,928.57.
		var june = receive(agreement.id(), "2025-06-10", "100000.00", false);
		// Then the bank's statement shows AUD 40,000.00 on 10 March, at 1.50 = USD 26,666.67. Today
		// nothing is owed (it is recorded as an overpayment), but on 10 March 100,000.00 was: it
		// relieved 62,500.00 - 60,000 / 1.60 = 25,000.00, a realised gain of 1,666.67.
		var march = receive(agreement.id(), "2025-03-10", "40000.00", true);
		assertThat(entryOf("RECEIPT", march.id())).containsExactlyInAnyOrderEntriesOf(Map.of(Account.CASH,
				new BigDecimal("26666.67"), Account.RECEIVABLE, new BigDecimal("-25000.00"), Account.FX_REALISED,
				new BigDecimal("-1666.67")));
		// At the end of March AUD 60,000.00 was owed: USD 37,500.00 at the signature rate, not 62,500.00.
		assertThat(receivable(agreement.id(), "2025-03-31")).isEqualByComparingTo("37500.00");
		// The June receipt now settled only the 60,000.00 left (37,500.00 carried) and its other 40,000.00
		// was an overpayment, revenue of its day: of its USD 71,428.57, 60 % = 42,857.14 settled the
		// receivable (a gain of 5,357.14) and 28,571.43 is revenue. Booked on 10 June as the difference
		// to what was posted: receivable +25,000.00, realised gain -3,571.43, revenue +28,571.43.
		var adjustments = adjustmentsOf(agreement.id());
		assertThat(adjustments).containsOnlyKeys(LocalDate.parse("2025-06-10"));
		assertThat(adjustments.get(LocalDate.parse("2025-06-10"))).containsExactlyInAnyOrderEntriesOf(Map.of(
				Account.RECEIVABLE, new BigDecimal("25000.00"), Account.FX_REALISED, new BigDecimal("3571.43"),
				Account.REV_GENERAL, new BigDecimal("-28571.43")));
		assertThat(receivable(agreement.id(), "2025-06-30")).isEqualByComparingTo("0.00");
		assertThat(balance(agreement.id(), Account.FX_REALISED)).isEqualByComparingTo("-7023.81");
		assertThat(jdbc.queryForObject("select cause from position_adjustment where agreement_id = ?", String.class,
				agreement.id())).isEqualTo("RECEIPT");

		// The June receipt turns out to be someone else's: its reversal undoes it as it now stands, with its
		// adjustment. Left: the March receipt (cash 26,666.67, its gain 1,666.67), 60,000.00 owed at 1.60.
		contributions.reverseReceipt(june.id(), "Credited to the wrong agreement");
		assertThat(balance(agreement.id(), Account.RECEIVABLE)).isEqualByComparingTo("37500.00");
		assertThat(balance(agreement.id(), Account.CASH)).isEqualByComparingTo("26666.67");
		assertThat(balance(agreement.id(), Account.FX_REALISED)).isEqualByComparingTo("-1666.67");
		assertThat(balance(agreement.id(), Account.REV_GENERAL)).isEqualByComparingTo("-62500.00");
	}

	@Test
	void anAmendmentDatedBeforeAReceiptIsPostedFromItsOwnDayAndTheReceiptIsAdjusted() {
		var agreement = agreement();
		// AUD 110,000.00 on 10 June at 1.40 = USD 78,571.43: 100,000.00 settled the 62,500.00 carried
		// with 71,428.57 (a gain of 8,928.57), the other 10,000.00 (7,142.86) was an overpayment.
		receive(agreement.id(), "2025-06-10", "110000.00", true);
		// An amendment signed on 1 March raised the total to 150,000.00: on that day nothing had come,
		// so the receivable rose to 150,000 / 1.60 = 93,750.00 (+31,250.00), not by what is owed today.
		contributions.amend(agreement.id(), contributions.agreement(agreement.id()).version(),
				LocalDate.parse("2025-03-01"), "Amendment No. 1, signed in March", new BigDecimal("150000.00"),
				List.of(new ScheduleLine(LocalDate.parse("2025-12-31"), new BigDecimal("150000.00"))));
		long amendmentId = jdbc.queryForObject("select max(id) from amendment where agreement_id = ?", Long.class,
				agreement.id());
		assertThat(entryOf("AMENDMENT", amendmentId)).containsExactlyInAnyOrderEntriesOf(
				Map.of(Account.RECEIVABLE, new BigDecimal("31250.00"), Account.REV_GENERAL, new BigDecimal("-31250.00")));
		assertThat(receivable(agreement.id(), "2025-03-31")).isEqualByComparingTo("93750.00");
		// The June receipt then applied all of its 110,000.00, leaving 40,000.00 owed (25,000.00): it
		// relieved 68,750.00 against 78,571.43, a gain of 9,821.43, and no overpayment.
		assertThat(adjustmentsOf(agreement.id()).get(LocalDate.parse("2025-06-10"))).containsExactlyInAnyOrderEntriesOf(
				Map.of(Account.RECEIVABLE, new BigDecimal("-6250.00"), Account.FX_REALISED, new BigDecimal("-892.86"),
						Account.REV_GENERAL, new BigDecimal("7142.86")));
		assertThat(receivable(agreement.id(), "2025-06-30")).isEqualByComparingTo("25000.00");
		assertThat(balance(agreement.id(), Account.REV_GENERAL)).isEqualByComparingTo("-93750.00");

		// A second amendment dated before the first is refused: the totals between would depend on typing order.
		assertThatThrownBy(() -> contributions.amend(agreement.id(), contributions.agreement(agreement.id()).version(),
				LocalDate.parse("2025-02-01"), "Amendment signed earlier", new BigDecimal("120000.00"),
				List.of(new ScheduleLine(LocalDate.parse("2025-12-31"), new BigDecimal("120000.00")))))
			.isInstanceOfSatisfying(BusinessRuleViolation.class, e -> {
				assertThat(e.messageKey()).isEqualTo("amendment.beforeLatest");
				assertThat(e.field()).isEqualTo("amendedOn");
				assertThat(e.arguments()).containsExactly("2025-03-01");
			});
		assertThat(contributions.agreement(agreement.id()).total().amount()).isEqualByComparingTo("150000.00");
	}

	/** Debits less credits per account of the entry that recorded an event. */
	private Map<Account, BigDecimal> entryOf(String sourceType, long sourceId) {
		var net = new TreeMap<Account, BigDecimal>();
		jdbc.query("""
				select l.account_code, sum(l.debit_usd - l.credit_usd) from journal_line l
				  join journal_entry e on e.id = l.entry_id
				 where e.source_type = ? and e.source_id = ? group by l.account_code""",
				rs -> {
					net.put(Account.valueOf(rs.getString(1)), rs.getBigDecimal(2).setScale(2));
				}, sourceType, sourceId);
		return net;
	}

	/** The adjustments of later events posted for the agreement, per date: debits less credits per account. */
	private Map<LocalDate, Map<Account, BigDecimal>> adjustmentsOf(long agreementId) {
		var byDate = new TreeMap<LocalDate, Map<Account, BigDecimal>>();
		jdbc.query("""
				select e.accounting_date, l.account_code, sum(l.debit_usd - l.credit_usd) from journal_line l
				  join journal_entry e on e.id = l.entry_id
				 where e.source_type = 'POSITION_ADJUSTMENT' and l.agreement_id = ?
				 group by e.accounting_date, l.account_code""", rs -> {
			byDate.computeIfAbsent(rs.getObject(1, LocalDate.class), d -> new TreeMap<>())
				.put(Account.valueOf(rs.getString(2)), rs.getBigDecimal(3).setScale(2));
		}, agreementId);
		return byDate;
	}

	private BigDecimal receivable(long agreementId, String date) {
		return books.sums(BalanceQuery.upTo(LocalDate.parse(date))
			.accounts(Account.RECEIVABLE)
			.where(Dimension.AGREEMENT_ID, agreementId))
			.stream()
			.map(Balance::net)
			.reduce(BigDecimal.ZERO, BigDecimal::add);
	}

	private BigDecimal balance(long agreementId, Account account) {
		return books.agreementBalance(agreementId, account);
	}

}
