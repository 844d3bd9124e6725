package org.tafund.contributions;

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
import org.tafund.donors.DonorDetails;
import org.tafund.donors.DonorManagement;
import org.tafund.donors.DonorType;
import org.tafund.support.IntegrationTest;
import org.tafund.support.Unique;

/**
 * The Contributions list finds agreements by donor or reference, narrows them by window, currency and
 * year of signature, and orders them, in the database and a page at a time.
 */
@IntegrationTest
class ContributionListTests {

	static final Pattern REFERENCE = Pattern.compile("LST-[0-9a-f]{8}-[A-Z]");

	@Autowired
	MockMvc mvc;

	@Autowired
	DonorManagement donors;

	@Autowired
	ContributionManagement contributions;

	@Autowired
	org.tafund.fx.ExchangeRateManagement rates;

	@Test
	void findsByDonorOrReferenceFiltersByWindowCurrencyAndYearAndSorts() throws Exception {
		var tag = Unique.suffix();
		var donorName = "List Donor " + tag;
		long donor = donors.register(new DonorDetails(donorName, DonorType.FOUNDATION, null, null, null, null, true,
				List.of())).id();
		agreement("LST-" + tag + "-B", donor, "USD", "300", FundingWindow.CPCJF_GENERAL_PURPOSE, "2025-05-01");
		// A currency this class owns (TestRates): its rate is here whatever ran before.
		org.tafund.support.TestRates.ensure(rates, "MXN", "2026-01-01", "17.10");
		agreement("LST-" + tag + "-A", donor, "MXN", "100", FundingWindow.CPCJF_SPECIAL_PURPOSE, "2026-02-01");
		agreement("LST-" + tag + "-C", donor, "USD", "200", FundingWindow.CPCJF_GENERAL_PURPOSE, null);

		// By the donor's name, in any case; newest first by default.
		assertThat(references("q=" + donorName.toUpperCase())).containsExactly("LST-" + tag + "-C", "LST-" + tag + "-A",
				"LST-" + tag + "-B");
		// By a part of the reference, ordered by reference.
		assertThat(references("q=" + tag + "&sort=reference")).containsExactly("LST-" + tag + "-A", "LST-" + tag + "-B",
				"LST-" + tag + "-C");
		assertThat(references("q=" + tag + "&sort=total")).containsExactly("LST-" + tag + "-B", "LST-" + tag + "-C",
				"LST-" + tag + "-A");
		assertThat(references("q=" + tag + "&window=CPCJF_SPECIAL_PURPOSE")).containsExactly("LST-" + tag + "-A");
		assertThat(references("q=" + tag + "&currency=usd&sort=reference")).containsExactly("LST-" + tag + "-B",
				"LST-" + tag + "-C");
		assertThat(references("q=" + tag + "&year=2025")).containsExactly("LST-" + tag + "-B");
		// A filter that cannot be read is left out, not a failure; the others still apply.
		assertThat(references("q=" + tag + "&year=twenty&window=NONE&sort=reference")).containsExactly("LST-" + tag + "-A",
				"LST-" + tag + "-B", "LST-" + tag + "-C");
		assertThat(references("q=nothing-" + tag)).isEmpty();
	}

	@Test
	void theOverduePageFiltersTotalsByCurrencyAndAgeAndExportsTheSameLines() throws Exception {
		var tag = Unique.suffix();
		var donorName = "Überfällig Stiftung " + tag;
		long donor = donors.register(new DonorDetails(donorName, DonorType.FOUNDATION, null, null, null, null, true,
				List.of())).id();
		var today = org.tafund.support.TestClock.today();
		overdue("OVD-" + tag + "-A", donor, "USD", "1200.00", today.minusDays(200), today.minusDays(10));
		overdue("OVD-" + tag + "-B", donor, "USD", "300.00", today.minusDays(200), today.minusDays(100));
		var officer = user("donor.officer").roles("DONOR_RELATIONS");
		// The donor's name without its accent, in capitals, finds it.
		var page = org.tafund.support.VisibleText.of(mvc.perform(get("/contributions/overdue")
			.param("q", "UBERFALLIG STIFTUNG " + tag.toUpperCase())
			.with(officer)).andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8))
			.replaceAll("\\s+", " ");
		assertThat(page).contains("OVD-" + tag + "-A", "OVD-" + tag + "-B")
			.contains("2 instalments overdue, outstanding 1,500.00 USD")
			.contains("1 to 30 1 1,200.00")
			.contains("91 to 180 1 300.00");
		var late = org.tafund.support.VisibleText.of(mvc.perform(get("/contributions/overdue").param("q", tag)
			.param("minDays", "90")
			.with(officer)).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8));
		assertThat(late).contains("OVD-" + tag + "-B").doesNotContain("OVD-" + tag + "-A");

		var csv = mvc.perform(get("/contributions/overdue.csv").param("q", tag).param("lang", "fr").with(officer))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString(StandardCharsets.UTF_8);
		var lines = csv.replace("\uFEFF", "").split("\r\n");
		assertThat(lines[0]).startsWith("Donateur,");
		assertThat(lines).hasSize(3);
		assertThat(lines[1]).isEqualTo(donorName + ",OVD-" + tag + "-B," + today.minusDays(100) + ",100,300.00,USD,300.00");
	}

	@Test
	void theEarmarkTargetFieldSuggestsWhatFitsTheKindChosen() throws Exception {
		var officer = user("donor.officer").roles("DONOR_RELATIONS");
		var countries = mvc.perform(get("/contributions/earmark-targets").param("earmarkKind", "COUNTRY")
			.param("lang", "fr")
			.with(officer)).andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
		assertThat(countries).contains("<datalist id=\"earmark-targets\"").contains("value=\"SEN\" label=\"Sénégal\"");
		var themes = mvc.perform(get("/contributions/earmark-targets").param("earmarkKind", "THEME").with(officer))
			.andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
		assertThat(themes).contains("value=\"EXTRADITION\" label=\"Extradition\"").doesNotContain("value=\"SEN\"");
		var regions = mvc.perform(get("/contributions/earmark-targets").param("earmarkKind", "REGION").with(officer))
			.andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
		assertThat(regions).contains("value=\"Western Africa\"");
		var none = mvc.perform(get("/contributions/earmark-targets").param("earmarkKind", "NOTHING").with(officer))
			.andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
		assertThat(none).doesNotContain("<option");
	}

	private void overdue(String reference, long donor, String currency, String total, LocalDate signedOn,
			LocalDate dueOn) {
		contributions.createAgreement(new AgreementTerms(reference, donor, currency, new BigDecimal(total),
				FundingWindow.CPCJF_GENERAL_PURPOSE, null, 1, null, null, null, null, false, null, null, signedOn,
				List.of(new ScheduleLine(dueOn, new BigDecimal(total)))));
	}

	void agreement(String reference, long donor, String currency, String total, FundingWindow window, String signedOn) {
		contributions.createAgreement(new AgreementTerms(reference, donor, currency, new BigDecimal(total), window, null, 1,
				null, null, null, null, false, null, null, signedOn == null ? null : LocalDate.parse(signedOn),
				List.of(new ScheduleLine(LocalDate.parse("2026-09-30"), new BigDecimal(total)))));
	}

	List<String> references(String query) throws Exception {
		var page = mvc.perform(get("/contributions?" + query).with(user("donor.officer").roles("DONOR_RELATIONS")))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString(StandardCharsets.UTF_8);
		// The table's links name each agreement once; the filter form echoes the search text, which is no reference.
		var table = page.contains("id=\"agreements\"") ? page.substring(page.indexOf("id=\"agreements\"")) : "";
		return REFERENCE.matcher(table).results().map(m -> m.group()).toList();
	}

}
