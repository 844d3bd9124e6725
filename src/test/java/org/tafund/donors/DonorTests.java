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
		var norway = donors.register(memberState("Test Norway", "nor"));
		assertThat(norway.country()).isEqualTo("NOR");
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
		donors.register(memberState(land + " Alpha", "SWE"));
		donors.register(memberState(land + " Beta", "DNK"));
		donors.register(new DonorDetails(land + " Gamma Foundation", DonorType.FOUNDATION, null, null, "60", null,
				true, List.of()));

		var byName = donors.search(new DonorSearch(land.toLowerCase(java.util.Locale.ROOT), null, null, null),
				PageRequest.of(0, 2, Sort.by(Sort.Direction.DESC, "name")));
		assertThat(byName.getTotalElements()).isEqualTo(3);
		assertThat(byName.getContent()).extracting(DonorView::name)
			.containsExactly(land + " Gamma Foundation", land + " Beta");
		assertThat(donors.search(new DonorSearch(land, DonorType.MEMBER_STATE, "SWE", null), PageRequest.of(0, 10)))
			.extracting(DonorView::name)
			.containsExactly(land + " Alpha");
	}

	@Test
	void aStaleEditShowsTheCurrentValuesAndOverwritesNothing() throws Exception {
		var name = "Conflictland " + Unique.suffix();
		var donor = donors.register(memberState(name, "FIN"));
		donors.update(donor.id(), donor.version(), memberState(name + " (renamed)", "FIN"));

		mvc.perform(post("/donors/{id}", donor.id()).with(user("donor.officer").roles("DONOR_RELATIONS"))
			.with(csrf())
			.param("name", name + " (stale edit)")
			.param("type", "MEMBER_STATE")
			.param("country", "FIN")
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

}
