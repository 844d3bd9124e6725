package org.tafund.contributions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import org.tafund.donors.ContactPerson;
import org.tafund.donors.DonorDetails;
import org.tafund.donors.DonorManagement;
import org.tafund.donors.DonorType;
import org.tafund.shared.BusinessRuleViolation;
import org.tafund.support.IntegrationTest;
import org.tafund.support.Refused;
import org.tafund.support.Unique;

/**
 * An administrator merges a donor registered twice: the duplicate's agreements and pledges move to
 * the donor kept, its contacts join the kept donor's, it stays inactive pointing to the donor kept,
 * and the ledger finds under the donor kept the lines posted under the duplicate.
 */
@IntegrationTest
class DonorMergeTests {

	@Autowired
	DonorManagement donors;

	@Autowired
	ContributionManagement contributions;

	@Autowired
	MockMvc mvc;

	@Test
	void mergingMovesAgreementsPledgesAndContactsAndKeepsTheDuplicateAsAPointer() throws Exception {
		var name = Unique.name("Merge Foundation");
		long kept = donors.register(new DonorDetails(name, DonorType.FOUNDATION, null, null, null, null, true,
				List.of(new ContactPerson("Ana Silva", "ana@example.org", "Director")))).id();
		long duplicate = donors.register(new DonorDetails(name + " (2)", DonorType.FOUNDATION, null, null, null, null,
				true, List.of(new ContactPerson("Ana Silva", "ANA@example.org", "Director"),
						new ContactPerson("Ben Osei", "ben@example.org", "Grants")))).id();
		var agreement = contributions.createAgreement(new AgreementTerms(Unique.name("MRG"), duplicate, "USD",
				new BigDecimal("5000.00"), FundingWindow.CPCJF_GENERAL_PURPOSE, null, 1, null, null, null, null, false,
				null, null, LocalDate.parse("2026-02-01"),
				List.of(new ScheduleLine(LocalDate.parse("2026-09-30"), new BigDecimal("5000.00")))));
		var pledge = contributions.recordPledge(duplicate, LocalDate.parse("2026-03-01"), new BigDecimal("700.00"), "USD",
				FundingWindow.CPCJF_GENERAL_PURPOSE, "Oral pledge");

		// Only an administrator merges.
		mvc.perform(post("/admin/donors/merge").with(user("donor.officer").roles("DONOR_RELATIONS")).with(csrf())
			.param("kept", String.valueOf(kept))
			.param("duplicate", String.valueOf(duplicate))
			.param("reason", "Registered twice"))
			.andExpect(status().isForbidden());
		mvc.perform(post("/admin/donors/merge").with(user("admin").roles("ADMIN")).with(csrf())
			.param("kept", String.valueOf(kept))
			.param("duplicate", String.valueOf(duplicate))
			.param("reason", "Registered twice"))
			.andExpect(status().isFound())
			.andExpect(redirectedUrl("/donors/" + kept));

		assertThat(contributions.agreement(agreement.id()).donorId()).isEqualTo(kept);
		assertThat(contributions.pledgesOf(kept)).extracting(p -> p.id()).contains(pledge.id());
		assertThat(contributions.pledgesOf(duplicate)).isEmpty();
		var after = donors.get(duplicate);
		assertThat(after.active()).isFalse();
		assertThat(after.mergedInto()).isEqualTo(kept);
		assertThat(after.mergeReason()).isEqualTo("Registered twice");
		// The same person (e-mail in another case) is kept once; the other contact joins.
		assertThat(donors.get(kept).contacts()).extracting(ContactPerson::name).containsExactly("Ana Silva", "Ben Osei");
		// The duplicate's page points to the donor kept; the history says who merged, when and why.
		var page = mvc.perform(get("/donors/{id}", duplicate).with(user("donor.officer").roles("DONOR_RELATIONS")))
			.andReturn().getResponse().getContentAsString();
		assertThat(page).contains("id=\"merged-into\"", "/donors/" + kept, "Registered twice").doesNotContain("id=\"edit-donor\"");
		var history = mvc.perform(get("/history/Donor/{id}", duplicate).with(user("auditor").roles("AUDITOR")))
			.andReturn().getResponse().getContentAsString();
		assertThat(history).contains("admin", "Registered twice");
		// Pickers offer the donor kept only.
		assertThat(donors.all()).extracting(d -> d.id()).contains(kept).doesNotContain(duplicate);
		// The journal keeps the donor the signature was posted under; the ledger finds it under the donor kept.
		mvc.perform(get("/api/v1/reports/ledger?from=2026-01-01&to=2026-12-31&donorId=" + kept)
			.with(user("finance.officer").roles("FINANCE")))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.totals.RECEIVABLE").value(5000.00));

		// The agreement's own history says who moved it from which donor to which, by name.
		var agreementHistory = mvc.perform(get("/history/Agreement/{id}", agreement.id())
			.with(user("auditor").roles("AUDITOR"))).andReturn().getResponse().getContentAsString();
		assertThat(agreementHistory).contains(name + " (2) → ", "admin");
		// Nothing new lands on the duplicate: a contribution naming it is refused, naming the donor kept.
		assertThatThrownBy(() -> contributions.recordPledge(duplicate, LocalDate.parse("2026-04-01"),
				new BigDecimal("10.00"), "USD", FundingWindow.CPCJF_GENERAL_PURPOSE, null))
			.extracting(e -> ((BusinessRuleViolation) e).messageKey())
			.isEqualTo("donor.mergedInto");

		// Merged again (the kept donor into a third), the first duplicate follows: its lines reach the third.
		long third = donors.register(new DonorDetails(name + " Trust", DonorType.FOUNDATION, null, null, null, null, true,
				List.of())).id();
		donors.merge(third, kept, "One trust");
		assertThat(donors.get(duplicate).mergedInto()).isEqualTo(third);
		assertThat(contributions.agreement(agreement.id()).donorId()).isEqualTo(third);
		mvc.perform(get("/api/v1/reports/ledger?from=2026-01-01&to=2026-12-31&donorId=" + third)
			.with(user("finance.officer").roles("FINANCE")))
			.andExpect(jsonPath("$.totals.RECEIVABLE").value(5000.00));

		// A merged donor is no longer edited, nor merged again.
		var stale = donors.get(duplicate);
		assertThatThrownBy(() -> donors.update(duplicate, stale.version(), new DonorDetails(name + " (3)",
				DonorType.FOUNDATION, null, null, null, null, true, List.of())))
			.extracting(e -> ((BusinessRuleViolation) e).messageKey())
			.isEqualTo("donor.merged");
		assertThatThrownBy(() -> donors.merge(kept, duplicate, "Again"))
			.extracting(e -> ((BusinessRuleViolation) e).messageKey())
			.isEqualTo("donor.merged");
	}

	@Test
	void aMergeNeedsTwoDonorsAndAReasonAndOtherwiseChangesNothing() throws Exception {
		long one = donors.register(new DonorDetails(Unique.name("Lone Donor"), DonorType.INDIVIDUAL, null, null, null,
				null, true, List.of())).id();
		long two = donors.register(new DonorDetails(Unique.name("Other Donor"), DonorType.INDIVIDUAL, null, null, null,
				null, true, List.of())).id();
		assertThatThrownBy(() -> donors.merge(one, one, "Same"))
			.extracting(e -> ((BusinessRuleViolation) e).messageKey())
			.isEqualTo("donor.merge.same");
		assertThatThrownBy(() -> donors.merge(one, two, " "))
			.extracting(e -> ((BusinessRuleViolation) e).messageKey())
			.isEqualTo("donor.merge.reasonRequired");
		var refused = Refused.page(mvc, post("/admin/donors/merge").param("kept", String.valueOf(one))
			.param("duplicate", String.valueOf(one))
			.param("reason", "Typed reason"), user("admin").roles("ADMIN"), "/admin/donors/merge");
		assertThat(refused).contains("A donor cannot be merged into itself", "value=\"Typed reason\"");
		assertThat(donors.get(one).mergedInto()).isNull();
		assertThat(donors.get(two).active()).isTrue();
	}

}
