package org.tafund.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import org.tafund.contributions.AgreementTerms;
import org.tafund.contributions.ContributionManagement;
import org.tafund.contributions.FundingWindow;
import org.tafund.contributions.ScheduleLine;
import org.tafund.donors.DonorDetails;
import org.tafund.donors.DonorManagement;
import org.tafund.donors.DonorType;
import org.tafund.support.IntegrationTest;
import org.tafund.support.Unique;

/**
 * The History panel of an amended agreement reads as words: labels from the bundles in the reader's
 * language, funding windows by their labels, instalments by date and amount, amounts without the
 * database's trailing zeros; never a Java field name, a code or an object reference.
 */
@IntegrationTest
class ReadableHistoryTests {

	static final Pattern OBJECT_REFERENCE = Pattern.compile("@[0-9a-f]{6}");

	@Autowired
	MockMvc mvc;

	@Autowired
	DonorManagement donors;

	@Autowired
	ContributionManagement contributions;

	@Test
	void theHistoryOfAnAmendedAgreementReadsAsWordsInEnglishAndFrench() throws Exception {
		var donor = donors.register(new DonorDetails(Unique.name("History Donor"), DonorType.FOUNDATION, null, null, null,
				null, true, List.of())).id();
		var agreement = contributions.createAgreement(new AgreementTerms(Unique.name("HIST"), donor, "USD",
				new BigDecimal("1000000"), FundingWindow.CPCJF_GENERAL_PURPOSE, null, 1, null, null, null, null, false,
				null, null, LocalDate.parse("2026-04-01"),
				List.of(new ScheduleLine(LocalDate.parse("2026-09-30"), new BigDecimal("1000000")))));
		contributions.amend(agreement.id(), contributions.agreement(agreement.id()).version(), LocalDate.parse("2026-05-02"),
				"Second tranche pledged", new BigDecimal("1250000"),
				List.of(new ScheduleLine(LocalDate.parse("2026-09-30"), new BigDecimal("1000000")),
						new ScheduleLine(LocalDate.parse("2027-03-31"), new BigDecimal("250000"))));

		var english = history(agreement.id(), "en");
		assertThat(english).contains("Total", "1,000,000.00 USD → ", "1,250,000.00 USD", "Funding window",
				"CPCJF general-purpose",
				"PSC rate", "31 Mar 2027: 250,000.00", "Signed on")
			.doesNotContain("totalAmount", "fundingWindow", "CPCJF_GENERAL_PURPOSE", "1000000.0000");
		assertThat(OBJECT_REFERENCE.matcher(english).find()).as("an object reference such as Instalment@32fb055d").isFalse();

		var french = history(agreement.id(), "fr");
		assertThat(french).contains("Guichet de financement", "CPCJF – fins générales", "Taux des frais de gestion",
				"Échéances", "Signé le", "31 mars 2027").doesNotContain("pscRate", "Funding window", "2027-03-31");
		// Yes and no, and figures with the reader's decimal mark, not a program's false and 0.13.
		var frenchText = org.tafund.support.VisibleText.of(french).replaceAll("\\s+", " ");
		assertThat(frenchText).contains("En nature : Non", "Taux des frais de gestion : 0,13")
			.doesNotContain("false", "0.13");
	}

	String history(long agreementId, String lang) throws Exception {
		return mvc.perform(get("/history/Agreement/" + agreementId).param("lang", lang)
			.with(user("donor.officer").roles("DONOR_RELATIONS")))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString(StandardCharsets.UTF_8);
	}

}
