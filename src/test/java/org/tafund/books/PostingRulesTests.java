package org.tafund.books;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.tafund.contributions.AgreementTerms;
import org.tafund.contributions.AgreementView;
import org.tafund.contributions.ContributionManagement;
import org.tafund.contributions.FundingWindow;
import org.tafund.contributions.ReceiptCommand;
import org.tafund.contributions.ScheduleLine;
import org.tafund.donors.DonorDetails;
import org.tafund.donors.DonorManagement;
import org.tafund.donors.DonorType;
import org.tafund.fx.ExchangeRateManagement;
import org.tafund.projects.Codes;
import org.tafund.projects.ProjectDetails;
import org.tafund.projects.ProjectManagement;
import org.tafund.reference.ReferenceCatalogue;
import org.tafund.security.Role;
import org.tafund.support.IntegrationTest;
import org.tafund.support.OwnDatabase;
import org.tafund.support.SignedIn;
import org.tafund.support.TestRates;
import org.tafund.support.Unique;

/**
 * The posting rules on the two defects measured on the computed books: a later amendment or
 * cancellation changed earlier years, and the realised exchange difference of a receipt was booked
 * nowhere. On a database of its own, since revaluation and period figures take everything.
 */
@IntegrationTest
@OwnDatabase
class PostingRulesTests {

	static final LocalDate END_2013 = LocalDate.parse("2013-12-31");

	static final LocalDate END_2014 = LocalDate.parse("2014-12-31");

	static final Set<Account> REVENUE = EnumSet.of(Account.REV_GENERAL, Account.REV_SPECIAL, Account.REV_DIRECT,
			Account.REV_PNI, Account.REV_IN_KIND);

	@Autowired
	ContributionManagement contributions;

	@Autowired
	DonorManagement donors;

	@Autowired
	ExchangeRateManagement rates;

	@Autowired
	ProjectManagement projects;

	@Autowired
	ReferenceCatalogue reference;

	@Autowired
	JournalQueries books;

	@Autowired
	JournalVerification verification;

	@Autowired
	org.springframework.test.web.servlet.MockMvc mvc;

	@Test
	void laterAmendmentsAndCancellationsLeaveEarlierYearsAloneAndReceiptsBookTheirRealisedDifference() throws Exception {
		TestRates.ensure(rates, "NOK", "2013-01-01", "8.292");
		TestRates.ensure(rates, "NOK", "2013-12-01", "8.000");
		TestRates.ensure(rates, "NOK", "2014-03-01", "8.474");
		TestRates.ensure(rates, "NOK", "2014-12-01", "9.000");
		long donor = donors.register(new DonorDetails(Unique.name("Books State"), DonorType.MEMBER_STATE, "NOR", null,
				"10", null, true, List.of())).id();
		// A: NOK 15,000,000.00 signed at 8.292: 15,000,000 / 8.292 = 1,808,972.50 USD of revenue and receivable
		var a = agreement(donor, "NOK", "15000000.00", "2013-02-01", "2014-06-30");
		// B: USD 150,000.00 in 2013, amended to 170,000.00 on 2014-06-01
		var b = agreement(donor, "USD", "150000.00", "2013-03-01", "2014-12-31");
		// C: USD 50,000.00 in 2013, cancelled today
		var c = agreement(donor, "USD", "50000.00", "2013-05-01", "2014-12-31");
		// At the 2013 year end NOK is at 8.000: A's receivable is worth 15,000,000 / 8.000 = 1,875,000.00,
		// an unrealised gain of 66,027.50
		contributions.revalue(END_2013);
		var year2013 = figures(LocalDate.parse("2013-01-01"), END_2013);
		var reports2013 = reports("from=2013-01-01&to=2013-12-31");
		assertThat(year2013.get("revenue")).isEqualByComparingTo("2008972.50");
		assertThat(year2013.get("unrealised")).isEqualByComparingTo("66027.50");
		assertThat(year2013.get("realised")).isEqualByComparingTo("0.00");
		// fund balance = cash + receivables at the closing rate: 1,808,972.50 + 150,000 + 50,000 + 66,027.50
		assertThat(netAssets(END_2013)).isEqualByComparingTo("2075000.00");
		assertThat(assets(END_2013)).isEqualByComparingTo("2075000.00");
		assertThat(receivable(END_2013)).isEqualByComparingTo(new BigDecimal("1875000.00").add(new BigDecimal("200000.00")));

		// In 2014 NOK 15,000,000.00 arrives at 8.474: 1,770,120.37 USD of cash against 1,808,972.50
		// carried at the signature rate: a realised loss of 38,852.13.
		contributions.recordReceipt(a.id(), new ReceiptCommand(LocalDate.parse("2014-04-01"),
				new BigDecimal("15000000.00"), "NOK", "NB-2014", null, false));
		var b1 = contributions.agreement(b.id());
		contributions.amend(b.id(), b1.version(), LocalDate.parse("2014-06-01"), "Donor raised its contribution",
				new BigDecimal("170000.00"), List.of(new ScheduleLine(LocalDate.parse("2014-12-31"), new BigDecimal("170000.00"))));
		contributions.cancel(c.id(), contributions.agreement(c.id()).version());
		// At the 2014 year end A is settled: the run takes back the 66,027.50 it had added.
		contributions.revalue(END_2014);

		// 2013 is exactly as it was, in the books and in every report of it.
		assertThat(figures(LocalDate.parse("2013-01-01"), END_2013)).isEqualTo(year2013);
		assertThat(reports("from=2013-01-01&to=2013-12-31")).isEqualTo(reports2013);
		var year2014 = figures(LocalDate.parse("2014-01-01"), END_2014);
		assertThat(year2014.get("revenue")).isEqualByComparingTo("20000.00");
		assertThat(year2014.get("realised")).isEqualByComparingTo("-38852.13");
		assertThat(year2014.get("unrealised")).isEqualByComparingTo("-66027.50");
		assertThat(year2014.get("cash")).isEqualByComparingTo("1770120.37");
		// The cancellation belongs to the year it was made in.
		var today = contributions.agreement(c.id()).position();
		assertThat(today.status().name()).isEqualTo("CANCELLED");
		assertThat(figures(LocalDate.parse("2026-01-01"), LocalDate.parse("2026-12-31")).get("revenue"))
			.isEqualByComparingTo("-50000.00");

		// 2,075,000.00 + 20,000 - 38,852.13 - 66,027.50 = 1,990,120.37 = cash 1,770,120.37 + receivables
		// 170,000 (B) + 50,000 (C, cancelled only later)
		assertThat(netAssets(END_2014)).isEqualByComparingTo("1990120.37");
		assertThat(receivable(END_2014)).isEqualByComparingTo("220000.00");
		assertThat(assets(END_2014)).isEqualByComparingTo(netAssets(END_2014));
		assertThat(books.trialBalance(LocalDate.parse("2013-01-01"), END_2014).balances()).isTrue();
		assertThat(verification.verify().intact()).isTrue();
	}

	@Test
	void expenditureIsChargedToTheSegmentThatFundsItAndItsPscMovesToThePscSegment() {
		long donor = donors.register(new DonorDetails(Unique.name("Books Foundation"), DonorType.FOUNDATION, null, null,
				null, null, true, List.of())).id();
		var agreement = contributions.createAgreement(new AgreementTerms(Unique.name("BK-G"), donor, "USD",
				new BigDecimal("10000.00"), FundingWindow.CPCJF_GENERAL_PURPOSE, null, 1, null, null, null, null, false,
				null, null, LocalDate.parse("2015-01-10"),
				List.of(new ScheduleLine(LocalDate.parse("2015-06-30"), new BigDecimal("10000.00"))), null));
		try (var signedIn = SignedIn.as("finance.officer", Role.FINANCE)) {
			var project = projects.createProject(new ProjectDetails(Unique.name("BK-P"), "Books project", null,
					Codes.Theme.MLA, Set.of(), Set.of("SEN"), reference.implementingEntity("UNODC-HQ").orElseThrow().id(),
					Set.of("project.manager"), null, null, null, null, 2, "15130", null, Set.of(), List.of()));
			projects.allocate(agreement.id(), project.id(), new BigDecimal("5000.00"), LocalDate.parse("2015-02-01"));
			// 1,000.00 USD of travel, PSC 13% = 130.00
			var line = projects.spend(project.id(), null, LocalDate.parse("2015-03-01"), Codes.BudgetCategory.TRAVEL,
					new BigDecimal("1000.00"), "USD", "PO-BK", null);
			var entry = books.entryBySource(SourceType.EXPENDITURE, line.id()).orElseThrow();
			assertThat(entry.accountingDate()).isEqualTo(LocalDate.parse("2015-03-01"));
			assertThat(entry.lines()).extracting(l -> l.account() + " " + l.segment() + " " + l.debitUsd() + " " + l.creditUsd())
				.containsExactlyInAnyOrder("EXP_TRAVEL GENERAL 1000.00 0.00", "CASH GENERAL 0.00 1000.00",
						"PSC_EXPENSE GENERAL 130.00 0.00", "CASH GENERAL 0.00 130.00", "CASH PSC 130.00 0.00",
						"PSC_INCOME PSC 0.00 130.00");
			assertThat(entry.lines()).allSatisfy(l -> assertThat(l.dimensions().projectId()).isEqualTo(project.id()));

			// A reversal mirrors it on the day it is recorded.
			var reversal = projects.reverseExpenditure(line.id(), "Charged to the wrong project");
			var mirror = books.entryBySource(SourceType.EXPENDITURE_REVERSAL, reversal.id()).orElseThrow();
			assertThat(mirror.accountingDate()).isEqualTo(reversal.spentOn());
			assertThat(mirror.lines()).extracting(l -> l.account() + " " + l.segment() + " " + l.debitUsd() + " " + l.creditUsd())
				.containsExactlyInAnyOrder("EXP_TRAVEL GENERAL 0.00 1000.00", "CASH GENERAL 1000.00 0.00",
						"PSC_EXPENSE GENERAL 0.00 130.00", "CASH GENERAL 130.00 0.00", "CASH PSC 0.00 130.00",
						"PSC_INCOME PSC 130.00 0.00");
		}
	}

	/** The fund statement, status of contributions and ledger of a period, as the API gives them. */
	private List<String> reports(String period) throws Exception {
		var bodies = new java.util.ArrayList<String>();
		for (var report : List.of("fund-statement", "status-of-contributions", "ledger")) {
			bodies.add(mvc.perform(get("/api/v1/reports/" + report + "?" + period).with(user("f").roles("FINANCE")))
				.andExpect(status().isOk())
				.andReturn()
				.getResponse()
				.getContentAsString());
		}
		return bodies;
	}

	private AgreementView agreement(long donor, String currency, String amount, String signedOn, String dueOn) {
		return contributions.createAgreement(new AgreementTerms(Unique.name("BK"), donor, currency, new BigDecimal(amount),
				FundingWindow.CPCJF_GENERAL_PURPOSE, null, 1, null, null, null, null, false, null, null,
				LocalDate.parse(signedOn), List.of(new ScheduleLine(LocalDate.parse(dueOn), new BigDecimal(amount))), null));
	}

	/** What a period's statement is made of, from the journal alone (credits positive for income). */
	private Map<String, BigDecimal> figures(LocalDate from, LocalDate to) {
		var figures = new TreeMap<String, BigDecimal>();
		figures.put("revenue", BigDecimal.ZERO.setScale(2));
		figures.put("realised", BigDecimal.ZERO.setScale(2));
		figures.put("unrealised", BigDecimal.ZERO.setScale(2));
		figures.put("cash", BigDecimal.ZERO.setScale(2));
		for (var balance : books.sums(BalanceQuery.between(from, to))) {
			var key = REVENUE.contains(balance.account()) ? "revenue" : switch (balance.account()) {
				case FX_REALISED -> "realised";
				case FX_UNREALISED -> "unrealised";
				case CASH -> "cash";
				default -> null;
			};
			if (key != null) {
				var signed = balance.account() == Account.CASH ? balance.net() : balance.net().negate();
				figures.merge(key, signed, BigDecimal::add);
			}
		}
		return figures;
	}

	private BigDecimal netAssets(LocalDate on) {
		return books.sums(BalanceQuery.upTo(on))
			.stream()
			.filter(b -> b.account().kind() == Account.Kind.REVENUE || b.account().kind() == Account.Kind.EXPENSE
					|| b.account().kind() == Account.Kind.NET_ASSETS)
			.map(b -> b.net().negate())
			.reduce(BigDecimal.ZERO, BigDecimal::add);
	}

	private BigDecimal assets(LocalDate on) {
		return books.sums(BalanceQuery.upTo(on))
			.stream()
			.filter(b -> b.account().kind() == Account.Kind.ASSET)
			.map(Balance::net)
			.reduce(BigDecimal.ZERO, BigDecimal::add);
	}

	private BigDecimal receivable(LocalDate on) {
		return books.sums(BalanceQuery.upTo(on).accounts(Account.RECEIVABLE, Account.RECEIVABLE_FX))
			.stream()
			.map(Balance::net)
			.reduce(BigDecimal.ZERO, BigDecimal::add);
	}

}
