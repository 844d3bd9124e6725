package org.tafund.reporting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.tafund.books.PeriodClosing;
import org.tafund.contributions.AgreementTerms;
import org.tafund.contributions.ContributionManagement;
import org.tafund.contributions.FundingWindow;
import org.tafund.contributions.ReceiptCommand;
import org.tafund.contributions.ScheduleLine;
import org.tafund.donors.DonorDetails;
import org.tafund.donors.DonorManagement;
import org.tafund.donors.DonorType;
import org.tafund.fx.ExchangeRateManagement;
import org.tafund.support.IntegrationTest;
import org.tafund.support.OwnDatabase;
import org.tafund.support.TestRates;
import org.tafund.support.Unique;

/**
 * A closed month's reports stay byte for byte what they were, whatever is recorded later: the
 * books refuse anything dated in it, and the reports that also depend on rates and schedules
 * (the status of contributions) are served as stored at the close. On a database of its own:
 * closing a month is global.
 */
@IntegrationTest
@OwnDatabase
class ClosedPeriodReportsTests {

	static final String MARCH = "from=2012-03-01&to=2012-03-31";

	@Autowired
	ContributionManagement contributions;

	@Autowired
	DonorManagement donors;

	@Autowired
	ExchangeRateManagement rates;

	@Autowired
	PeriodClosing closing;

	@Autowired
	MockMvc mvc;

	@Test
	void aClosedMonthsReportsAreByteIdenticalAfterEverythingRecordedLater() throws Exception {
		TestRates.ensure(rates, "EUR", "2012-01-01", "0.75");
		TestRates.ensure(rates, "EUR", "2012-03-25", "0.80");
		long donor = donors.register(new DonorDetails(Unique.name("Closing Donor"), DonorType.FOUNDATION, null, null,
				null, null, true, List.of())).id();
		// X: EUR 100,000.00 at 0.75 = 133,333.33 USD; EUR 35,000.00 and 5,000.00 received; EUR 1,000.00 refunded
		var x = contributions.createAgreement(terms(donor, "EUR", "100000.00", "2012-03-01"));
		contributions.recordReceipt(x.id(), new ReceiptCommand(LocalDate.parse("2012-03-10"),
				new BigDecimal("35000.00"), "EUR", "CL-1", null, false));
		var receipt = contributions.recordReceipt(x.id(), new ReceiptCommand(LocalDate.parse("2012-03-12"),
				new BigDecimal("5000.00"), "EUR", "CL-2", null, false));
		contributions.refund(x.id(), LocalDate.parse("2012-03-20"), new BigDecimal("1000.00"), "Returned");
		// Y: USD 50,000.00
		var y = contributions.createAgreement(terms(donor, "USD", "50000.00", "2012-03-05"));
		// At the month end EUR is at 0.80: 60,000 / 0.80 = 75,000.00 against 80,000.00 carried
		contributions.revalue(LocalDate.parse("2012-03-31"));
		var close = closing.closeMonth(YearMonth.of(2012, 3));

		var before = reports();
		// the revaluation's -5,000.00, and a cent realised on the first receipt: its 46,666.67 of cash
		// (35,000 / 0.75) settled 133,333.33 - 86,666.67 (65,000 / 0.75) = 46,666.66 of receivable
		assertThat(before.get(0)).contains("\"key\":\"exchange\",\"usd\":-4999.99");

		// Later: an amendment dated in May, a cancellation and a reversal today, a refund in April, an
		// April revaluation, and a March rate entered late.
		var current = contributions.agreement(x.id());
		contributions.amend(x.id(), current.version(), LocalDate.parse("2012-05-01"), "More funds",
				new BigDecimal("120000.00"), List.of(new ScheduleLine(LocalDate.parse("2012-06-30"), new BigDecimal("120000.00"))));
		contributions.cancel(y.id(), contributions.agreement(y.id()).version());
		contributions.refund(x.id(), LocalDate.parse("2012-04-15"), new BigDecimal("500.00"), "Returned again");
		contributions.revalue(LocalDate.parse("2012-04-30"));
		contributions.reverseReceipt(receipt.id(), "Wrong agreement");
		TestRates.ensure(rates, "EUR", "2012-03-28", "0.70");

		assertThat(reports()).isEqualTo(before);
		// The page says where its figures come from.
		mvc.perform(get("/reports/fund-statement?" + MARCH).with(user("f").roles("FINANCE")))
			.andExpect(status().isOk())
			.andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.content()
				.string(org.hamcrest.Matchers.containsString("fingerprint " + close.fingerprint())));

		// And nothing can be dated in March any more.
		mvc.perform(post("/api/v1/agreements/{id}/receipts", x.id()).with(httpBasic("finance.officer", "tafund-demo-2026"))
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"receivedOn\":\"2012-03-28\",\"amount\":\"10.00\",\"currency\":\"EUR\"}"))
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.code").value("period.closed"))
			.andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.containsString("1 Apr 2012")));
	}

	private List<String> reports() throws Exception {
		var bodies = new java.util.ArrayList<String>();
		for (var path : List.of("/api/v1/reports/fund-statement?" + MARCH, "/api/v1/reports/status-of-contributions?" + MARCH,
				"/api/v1/journal/trial-balance?" + MARCH)) {
			bodies.add(mvc.perform(get(path).with(user("f").roles("FINANCE")))
				.andExpect(status().isOk())
				.andReturn()
				.getResponse()
				.getContentAsString());
		}
		return bodies;
	}

	private static AgreementTerms terms(long donor, String currency, String amount, String signedOn) {
		return new AgreementTerms(Unique.name("CL"), donor, currency, new BigDecimal(amount),
				FundingWindow.CPCJF_GENERAL_PURPOSE, null, 1, null, null, null, null, false, null, null,
				LocalDate.parse(signedOn), List.of(new ScheduleLine(LocalDate.parse("2012-06-30"), new BigDecimal(amount))),
				null);
	}

}
