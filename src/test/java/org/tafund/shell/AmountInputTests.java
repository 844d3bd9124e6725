package org.tafund.shell;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
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
 * A million as people type it, in English and in French, on the agreement, pledge and receipt
 * forms: every way reads as the same number; anything else comes back beside its field, labelled and
 * as typed.
 */
@IntegrationTest
class AmountInputTests {

	static final List<String> A_MILLION = List.of("1,000,000.00", "1000000", "1 000 000,00", "1.000.000,00",
			"1'000'000.00");

	static final RequestPostProcessor OFFICER = user("donor.officer").roles("DONOR_RELATIONS");

	static final RequestPostProcessor FINANCE = user("finance.officer").roles("FINANCE");

	@Autowired
	MockMvc mvc;

	@Autowired
	DonorManagement donors;

	@Autowired
	ContributionManagement contributions;

	@Autowired
	JdbcTemplate jdbc;

	long donor() {
		return donors.register(new DonorDetails(Unique.name("Amount Donor"), DonorType.FOUNDATION, null, null, null, null,
				true, List.of())).id();
	}

	@Test
	void everyWayOfTypingAMillionIsAMillionOnTheAgreementPledgeAndReceiptFormsInEnglishAndFrench() throws Exception {
		long donor = donor();
		var prefix = Unique.name("AMT");
		var signed = contributions.createAgreement(new AgreementTerms(Unique.name("AMT-R"), donor, "USD",
				new BigDecimal("20000000"), FundingWindow.CPCJF_GENERAL_PURPOSE, null, 1, null, null, null, null, false,
				null, null, LocalDate.parse("2026-04-01"), List.of(new ScheduleLine(LocalDate.parse("2026-09-30"),
						new BigDecimal("20000000")))));
		int n = 0;
		for (var lang : List.of("en", "fr")) {
			for (var typed : A_MILLION) {
				n++;
				mvc.perform(post("/contributions/agreements").param("lang", lang)
					.param("donorId", String.valueOf(donor))
					.param("reference", prefix + "-" + n)
					.param("currency", "USD")
					.param("amount", typed)
					.param("window", "CPCJF_GENERAL_PURPOSE")
					.param("earmarkLevel", "1")
					.param("instalments[0].dueOn", "2026-09-30")
					.param("instalments[0].amount", typed)
					.with(OFFICER)
					.with(csrf())).andExpect(status().isFound());
				mvc.perform(post("/contributions/pledges").param("lang", lang)
					.param("donorId", String.valueOf(donor))
					.param("pledgedOn", "2026-03-" + (10 + n))
					.param("amount", typed)
					.param("currency", "USD")
					.with(OFFICER)
					.with(csrf())).andExpect(status().isFound());
				mvc.perform(post("/contributions/agreements/" + signed.id() + "/receipts").param("lang", lang)
					.param("receivedOn", "2026-05-01")
					.param("amount", typed)
					.param("currency", "USD")
					.with(FINANCE)
					.with(csrf())).andExpect(status().isFound());
			}
		}
		assertThat(jdbc.queryForList("SELECT total_amount FROM agreement WHERE reference LIKE ?", BigDecimal.class, prefix + "-%"))
			.hasSize(10)
			.allSatisfy(total -> assertThat(total).isEqualByComparingTo("1000000"));
		assertThat(jdbc.queryForList("SELECT amount FROM pledge WHERE donor_id = ?", BigDecimal.class, donor)).hasSize(10)
			.allSatisfy(amount -> assertThat(amount).isEqualByComparingTo("1000000"));
		assertThat(jdbc.queryForList("SELECT amount FROM receipt WHERE agreement_id = ?", BigDecimal.class, signed.id()))
			.hasSize(10)
			.allSatisfy(amount -> assertThat(amount).isEqualByComparingTo("1000000"));
	}

	@Test
	void anAmountThatIsNoAmountComesBackBesideItsFieldLabelledAndAsTyped() throws Exception {
		long donor = donor();
		var reference = Unique.name("AMT-X");
		var page = mvc.perform(post("/contributions/agreements").param("lang", "fr")
			.param("donorId", String.valueOf(donor))
			.param("reference", reference)
			.param("currency", "USD")
			.param("amount", "1,0,0")
			.param("window", "CPCJF_GENERAL_PURPOSE")
			.param("instalments[0].dueOn", "2026-09-30")
			.param("instalments[0].amount", "12 34")
			.with(OFFICER)
			.with(csrf())).andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
		assertThat(page).contains("Total : « 1,0,0 » n’est pas un montant.", "Montant : « 12 34 » n’est pas un montant.",
				"value=\"1,0,0\"", "value=\"12 34\"", "value=\"" + reference + "\"");
		assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM agreement WHERE reference = ?", Long.class, reference)).isZero();
	}

}
