package org.tafund.contributions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import org.hamcrest.Matchers;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import org.tafund.books.JournalEntryView;
import org.tafund.books.JournalQueries;
import org.tafund.books.SourceType;
import org.tafund.donors.DonorDetails;
import org.tafund.donors.DonorManagement;
import org.tafund.donors.DonorType;
import org.tafund.fx.ExchangeRateManagement;
import org.tafund.shared.BusinessRuleViolation;
import org.tafund.shared.Money;
import org.tafund.support.IntegrationTest;
import org.tafund.support.TestClock;
import org.tafund.support.TestRates;
import org.tafund.support.Unique;

/**
 * In-kind contributions: goods or services at fair value, recognised as each delivery is recorded,
 * as in-kind revenue and an equal expense; never cash, never a receivable, never refunded or
 * allocated. This class owns HUF.
 */
@IntegrationTest
class InKindContributionTests {

	@Autowired
	ContributionManagement contributions;

	@Autowired
	DonorManagement donors;

	@Autowired
	ExchangeRateManagement rates;

	@Autowired
	JournalQueries books;

	@Autowired
	Agreements agreements;

	@Autowired
	MockMvc mvc;

	@Autowired
	org.tafund.reference.CountryCatalogue countries;

	@Test
	void aDeliveryPostsRevenueAndAnEqualExpenseAndNothingElse() throws Exception {
		TestRates.ensure(rates, "HUF", "2026-01-01", "300.00");
		long donor = donors.register(new DonorDetails(Unique.name("In-kind State"), DonorType.MEMBER_STATE,
				org.tafund.support.MemberStates.freeCountry(donors, countries, "HUN"),
				null, "10", null, true, List.of())).id();
		// Two experts for a legislative drafting mission, valued at HUF 6,000,000.00.
		var agreement = contributions.createAgreement(new AgreementTerms(Unique.name("HUN-IK"), donor, "HUF",
				new BigDecimal("6000000.00"), FundingWindow.CPCJF_SPECIAL_PURPOSE, null, 1, null, null, null, null,
				false, null, null, LocalDate.parse("2026-02-01"),
				List.of(new ScheduleLine(LocalDate.parse("2026-05-31"), new BigDecimal("6000000.00"))), List.of(), true));
		assertThat(agreement.inKind()).isTrue();
		// Signed, but nothing is receivable: revenue comes with each delivery.
		assertThat(books.entryBySource(SourceType.AGREEMENT_SIGNED, agreement.id())).isEmpty();

		// The first expert's month: HUF 3,000,000.00 / 300.00 = 10,000.00 USD.
		var delivery = contributions.recordReceipt(agreement.id(), new ReceiptCommand(LocalDate.parse("2026-03-10"),
				new BigDecimal("3000000.00"), "HUF", "Mission report 1", null, false));
		var entry = books.entryBySource(SourceType.IN_KIND_DELIVERY, delivery.id()).orElseThrow();
		assertThat(entry.accountingDate()).isEqualTo(LocalDate.parse("2026-03-10"));
		assertThat(lines(entry)).containsExactly("IN_KIND_EXPENSE SPECIAL 10000.00 0.00",
				"REV_IN_KIND SPECIAL 0.00 10000.00");
		assertThat(entry.lines().get(0).originalAmount()).isEqualByComparingTo("3000000.00");
		assertThat(books.entryBySource(SourceType.RECEIPT, delivery.id())).isEmpty();
		// What has been delivered counts as received: half remains outstanding.
		var now = contributions.agreement(agreement.id());
		assertThat(now.position().outstanding()).isEqualTo(Money.of("3000000.00", "HUF"));

		// No money to give back or to allocate, and nothing to revalue.
		assertThatThrownBy(() -> contributions.refund(agreement.id(), LocalDate.parse("2026-03-11"),
				new BigDecimal("1.00"), "Change of mind"))
			.satisfies(e -> assertThat(((BusinessRuleViolation) e).messageKey()).isEqualTo("agreement.inKind.noRefund"));
		assertThatThrownBy(() -> contributions.allocationBasis(agreement.id()))
			.satisfies(e -> assertThat(((BusinessRuleViolation) e).messageKey())
				.isEqualTo("agreement.inKind.notAllocatable"));
		assertThat(agreements.openInOtherCurrenciesSignedBy(TestClock.TODAY))
			.noneMatch(a -> a.getId().equals(agreement.id()));

		// A delivery recorded in error is reversed like a receipt: the mirror entry, dated today.
		var reversal = contributions.reverseReceipt(delivery.id(), "Valued twice");
		var mirror = books.entryBySource(SourceType.RECEIPT_REVERSAL, reversal.id()).orElseThrow();
		assertThat(mirror.accountingDate()).isEqualTo(TestClock.TODAY);
		assertThat(lines(mirror)).containsExactly("IN_KIND_EXPENSE SPECIAL 0.00 10000.00",
				"REV_IN_KIND SPECIAL 10000.00 0.00");

		// The finance officer's page says deliveries, and offers no refund.
		mvc.perform(get("/contributions/agreements/{id}", agreement.id()).with(user("finance").roles("FINANCE")))
			.andExpect(status().isOk())
			.andExpect(content().string(Matchers.containsString("Record a delivery")))
			.andExpect(content().string(Matchers.containsString("Deliveries (fair value)")))
			.andExpect(content().string(Matchers.not(Matchers.containsString("id=\"refund-form\""))));
	}

	@Test
	void anInKindContributionCannotAlsoBeConditional() {
		long donor = donors.register(new DonorDetails(Unique.name("In-kind Foundation"), DonorType.FOUNDATION, null,
				null, null, null, true, List.of())).id();
		assertThatThrownBy(() -> contributions.createAgreement(new AgreementTerms(Unique.name("IK-C"), donor,
				"USD", new BigDecimal("1000.00"), FundingWindow.CPCJF_SPECIAL_PURPOSE, null, 1, null, null, null, null,
				true, null, null, null, List.of(new ScheduleLine(LocalDate.parse("2026-05-31"), new BigDecimal("1000.00"))),
				List.of(), true)))
			.satisfies(e -> assertThat(((BusinessRuleViolation) e).messageKey()).isEqualTo("agreement.inKind.conditional"));
	}

	private static List<String> lines(JournalEntryView entry) {
		return entry.lines()
			.stream()
			.map(l -> l.account() + " " + l.segment() + " " + l.debitUsd() + " " + l.creditUsd())
			.toList();
	}

}
