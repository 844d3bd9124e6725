package org.tafund.donors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.tafund.shared.BusinessRuleViolation;
import org.tafund.support.IntegrationTest;
import org.tafund.support.Refused;
import org.tafund.support.Unique;

@IntegrationTest
class DonorTests {

	@Autowired
	DonorManagement donors;

	@Autowired
	MockMvc mvc;

	@Autowired
	org.tafund.reference.CountryCatalogue countries;

	/** A country of the test's own for a Member State: another run may hold the one it prefers. */
	String free(String preferred) {
		return org.tafund.support.MemberStates.freeCountry(donors, countries, preferred);
	}

	static DonorDetails memberState(String name, String country) {
		return new DonorDetails(name, DonorType.MEMBER_STATE, country, null, "10", null, true,
				List.of(new ContactPerson("Kari Nordmann", "kari@example.org", "Desk officer")));
	}

	@Test
	void aMemberStateNeedsAKnownCountry() {
		assertThatThrownBy(() -> donors.register(memberState("Nowhere", null))).isInstanceOf(BusinessRuleViolation.class)
			.extracting(e -> ((BusinessRuleViolation) e).messageKey())
			.isEqualTo("donor.country.required");
		assertThatThrownBy(() -> donors.register(memberState("Atlantis", "ATL")))
			.extracting(e -> ((BusinessRuleViolation) e).messageKey())
			.isEqualTo("donor.country.unknown");
		var country = free("NOR");
		var norway = donors.register(memberState("Test State", country.toLowerCase(java.util.Locale.ROOT)));
		assertThat(norway.country()).isEqualTo(country);
		assertThat(norway.contacts()).containsExactly(new ContactPerson("Kari Nordmann", "kari@example.org", "Desk officer"));
		assertThat(norway.createdBy()).isEqualTo("system");
	}

	@Test
	void theApiRefusesAnUnknownIatiOrganisationType() throws Exception {
		var name = Unique.name("Unknown Type Donor");
		mvc.perform(post("/api/v1/donors").with(httpBasic("donor.officer", "tafund-demo-2026"))
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"name\":\"" + name + "\",\"type\":\"FOUNDATION\",\"iatiOrgType\":\"99\",\"active\":true}"))
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.code").value("donor.iatiOrgType.unknown"));
		assertThat(donors.search(new DonorSearch(name, null, null, null), PageRequest.of(0, 5))).isEmpty();
	}

	@Test
	void searchesByNameFiltersByTypeAndCountrySortsAndPaginates() {
		var land = "Searchland" + Unique.suffix();
		var alpha = free("SWE");
		donors.register(memberState(land + " Alpha", alpha));
		donors.register(memberState(land + " Beta", free("DNK")));
		donors.register(new DonorDetails(land + " Gamma Foundation", DonorType.FOUNDATION, null, null, "60", null,
				true, List.of()));

		var byName = donors.search(new DonorSearch(land.toLowerCase(java.util.Locale.ROOT), null, null, null),
				PageRequest.of(0, 2, Sort.by(Sort.Direction.DESC, "name")));
		assertThat(byName.getTotalElements()).isEqualTo(3);
		assertThat(byName.getContent()).extracting(DonorView::name)
			.containsExactly(land + " Gamma Foundation", land + " Beta");
		assertThat(donors.search(new DonorSearch(land, DonorType.MEMBER_STATE, alpha, null), PageRequest.of(0, 10)))
			.extracting(DonorView::name)
			.containsExactly(land + " Alpha");
	}

	@Test
	void aStaleEditShowsTheCurrentValuesAndOverwritesNothing() throws Exception {
		var name = "Conflictland " + Unique.suffix();
		var finland = free("FIN");
		var donor = donors.register(memberState(name, finland));
		donors.update(donor.id(), donor.version(), memberState(name + " (renamed)", finland));

		mvc.perform(post("/donors/{id}", donor.id()).with(user("donor.officer").roles("DONOR_RELATIONS"))
			.with(csrf())
			.param("name", name + " (stale edit)")
			.param("type", "MEMBER_STATE")
			.param("country", finland)
			.param("active", "true")
			.param("version", String.valueOf(donor.version())))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("after you opened the page")))
			.andExpect(content().string(containsString(name + " (renamed)")));
		assertThat(donors.get(donor.id()).name()).isEqualTo(name + " (renamed)");

		// The donor page's History panel says who renamed it, before and after.
		mvc.perform(get("/history/Donor/{id}", donor.id()).with(user("project.manager").roles("PROJECT_MANAGER")))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString(name + " → </span><span>" + name + " (renamed)")))
			.andExpect(content().string(containsString("system")));
		// A user account's history is for those who read user accounts (ADMIN, AUDITOR).
		mvc.perform(get("/history/AppUser/1").with(user("project.manager").roles("PROJECT_MANAGER")))
			.andExpect(status().isForbidden());
	}

	@Test
	void thePageExplainsAMissingCountryNextToTheField() throws Exception {
		// A rule of the domain: back to the form's page, the message beside the country, the name kept.
		var officer = user("donor.officer").roles("DONOR_RELATIONS");
		var refused = Refused.page(mvc, post("/donors").param("name", "Stateless")
			.param("type", "MEMBER_STATE")
			.param("country", "")
			.param("contacts[0].name", "Someone"), officer, "/donors/new");
		assertThat(refused).containsPattern("invalid-feedback\"[^>]*>A Member State donor needs its country.")
			.contains("value=\"Stateless\"")
			.contains("value=\"Someone\"");
		// A form not well formed: the page again at once.
		mvc.perform(post("/donors").with(user("donor.officer").roles("DONOR_RELATIONS"))
			.with(csrf())
			.param("name", "Stateless")
			.param("type", "FOUNDATION")
			.param("contacts[0].name", "Someone")
			.param("contacts[0].email", "not-an-email"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("well-formed email")));
		assertThat(donors.search(new DonorSearch("Stateless", null, null, null), PageRequest.of(0, 5))).isEmpty();
	}

	@Test
	void theApiUsesETagsAndIfMatchAgainstLostUpdates() throws Exception {
		var apiDonor = Unique.name("Api Donor");
		var body = """
				{"name":"Api Donor","type":"FOUNDATION","active":true,"contacts":[{"name":"A. Person","email":"a@example.org","role":"Grants"}]}""".replace("Api Donor", apiDonor);
		var created = mvc.perform(post("/api/v1/donors").with(httpBasic("donor.officer", "tafund-demo-2026"))
			.contentType(MediaType.APPLICATION_JSON)
			.content(body))
			.andExpect(status().isCreated())
			.andExpect(header().string("ETag", "\"0\""))
			.andReturn();
		var id = com.jayway.jsonpath.JsonPath.read(created.getResponse().getContentAsString(), "$.id").toString();
		var update = body.replace(apiDonor, apiDonor + " (renamed)");

		mvc.perform(put("/api/v1/donors/" + id).with(httpBasic("donor.officer", "tafund-demo-2026"))
			.contentType(MediaType.APPLICATION_JSON)
			.content(update)).andExpect(status().isPreconditionRequired());
		mvc.perform(put("/api/v1/donors/" + id).with(httpBasic("donor.officer", "tafund-demo-2026"))
			.header("If-Match", "\"0\"")
			.contentType(MediaType.APPLICATION_JSON)
			.content(update)).andExpect(status().isOk()).andExpect(header().string("ETag", "\"1\""));
		mvc.perform(put("/api/v1/donors/" + id).with(httpBasic("donor.officer", "tafund-demo-2026"))
			.header("If-Match", "\"0\"")
			.contentType(MediaType.APPLICATION_JSON)
			.content(body))
			.andExpect(status().isPreconditionFailed())
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
		mvc.perform(get("/api/v1/donors/" + id).with(httpBasic("auditor", "tafund-demo-2026")))
			.andExpect(jsonPath("$.name").value(apiDonor + " (renamed)"))
			.andExpect(jsonPath("$.contacts[0].email").value("a@example.org"));
		mvc.perform(post("/api/v1/donors").with(httpBasic("finance.officer", "tafund-demo-2026"))
			.contentType(MediaType.APPLICATION_JSON)
			.content(body)).andExpect(status().isForbidden());
	}


	@Test
	void aCountryHasOneMemberStateDonor() throws Exception {
		var country = free("NOR");
		var first = donors.register(memberState(Unique.name("First State"), country));
		var name = countries.nameOf(country);
		assertThatThrownBy(() -> donors.register(memberState(Unique.name("Second State"), country)))
			.isInstanceOf(BusinessRuleViolation.class)
			.satisfies(e -> {
				var refusal = (BusinessRuleViolation) e;
				assertThat(refusal.messageKey()).isEqualTo("donor.memberState.exists");
				assertThat(refusal.field()).isEqualTo("country");
				assertThat(refusal.getArguments()).containsExactly(name, first.name());
			});
		// Editing another Member State onto the country is refused too; the first keeps its own.
		var other = donors.register(memberState(Unique.name("Other State"), free("ISL")));
		assertThatThrownBy(() -> donors.update(other.id(), other.version(), memberState(other.name(), country)))
			.extracting(e -> ((BusinessRuleViolation) e).messageKey())
			.isEqualTo("donor.memberState.exists");
		assertThat(donors.update(first.id(), first.version(), memberState(first.name() + " (renamed)", country)).name())
			.endsWith("(renamed)");
		// On the page, the reason beside the country, naming the donor that holds it.
		var refused = Refused.page(mvc, post("/donors").param("name", "Second " + first.name())
			.param("type", "MEMBER_STATE")
			.param("country", country)
			.param("active", "true"), user("donor.officer").roles("DONOR_RELATIONS"), "/donors/new");
		assertThat(refused).contains("is already a donor as a Member State: " + first.name() + " (renamed)");
	}

	@Test
	void aNameThatReadsAsAnExistingDonorsAsksCreateAnyway() throws Exception {
		var suffix = Unique.suffix();
		var existing = donors.register(new DonorDetails("Fondation Équité " + suffix, DonorType.FOUNDATION, null, null,
				null, null, true, List.of()));
		// Case, accents, punctuation and spacing set aside, the typed name is the existing one's.
		var typed = "  FONDATION equite, " + suffix;
		assertThatThrownBy(() -> donors.registerUnlessSimilar(new DonorDetails(typed, DonorType.FOUNDATION, null, null,
				null, null, true, List.of()), false))
			.extracting(e -> ((BusinessRuleViolation) e).messageKey())
			.isEqualTo("donor.similarName");
		var officer = user("donor.officer").roles("DONOR_RELATIONS");
		var refused = Refused.page(mvc, post("/donors").param("name", typed).param("type", "FOUNDATION")
			.param("active", "true"), officer, "/donors/new");
		assertThat(refused).contains("id=\"similar-donor\"", "A donor with this name is already registered: " + existing.name(),
				"Create anyway: this is another donor", "name=\"createAnyway\"");
		assertThat(donors.search(new DonorSearch(suffix, null, null, null), PageRequest.of(0, 5))).hasSize(1);
		// Confirmed, it is registered.
		mvc.perform(post("/donors").with(officer).with(csrf())
			.param("name", typed)
			.param("type", "FOUNDATION")
			.param("active", "true")
			.param("createAnyway", "true"))
			.andExpect(status().isFound());
		assertThat(donors.search(new DonorSearch(suffix, null, null, null), PageRequest.of(0, 5))).hasSize(2);
		// The API says the same, and takes "createAnyway" in the body.
		var body = "{\"name\":\"fondation-equite " + suffix + "\",\"type\":\"FOUNDATION\",\"active\":true%s}";
		mvc.perform(post("/api/v1/donors").with(httpBasic("donor.officer", "tafund-demo-2026"))
			.contentType(MediaType.APPLICATION_JSON)
			.content(body.formatted("")))
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.code").value("donor.similarName"));
		mvc.perform(post("/api/v1/donors").with(httpBasic("donor.officer", "tafund-demo-2026"))
			.contentType(MediaType.APPLICATION_JSON)
			.content(body.formatted(",\"createAnyway\":true")))
			.andExpect(status().isCreated());
	}

}
