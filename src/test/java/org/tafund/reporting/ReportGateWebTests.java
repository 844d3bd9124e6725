package org.tafund.reporting;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.hamcrest.Matchers;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import org.tafund.support.IntegrationTest;

/**
 * Reports asked while every place is taken and the queue is full: a page says the reports are
 * busy, in the reader's language, and the API answers a problem; both 503 with Retry-After, and
 * neither says the database is unavailable. Once places are free, the same requests are answered.
 */
@IntegrationTest
class ReportGateWebTests {

	@Autowired
	ReportGate gate;

	@Autowired
	MockMvc mvc;

	@Test
	void aCrowdOfReportsIsAnsweredBusyNotBroken() throws Exception {
		var finance = user("f").roles("FINANCE");
		int free = gate.free();
		var restore = gate.occupy();
		try {
			mvc.perform(get("/reports/fund-statement?from=2019-01-01&to=2019-12-31").with(finance))
				.andExpect(status().isServiceUnavailable())
				.andExpect(header().string("Retry-After", "30"))
				.andExpect(content().string(Matchers.containsString("Reports are busy")))
				.andExpect(content().string(Matchers.not(Matchers.containsString("unavailable"))));
			mvc.perform(get("/reports/fund-statement?from=2019-01-01&to=2019-12-31&lang=fr").with(finance))
				.andExpect(status().isServiceUnavailable())
				.andExpect(content().string(Matchers.containsString("Les rapports sont occupés")));
			mvc.perform(get("/api/v1/reports/fund-statement?from=2019-01-01&to=2019-12-31").with(finance))
				.andExpect(status().isServiceUnavailable())
				.andExpect(header().string("Retry-After", "30"))
				.andExpect(jsonPath("$.detail", Matchers.containsString("The reports are busy")));
			// An API path served by a page controller (the books' reports) answers a problem too.
			mvc.perform(get("/api/v1/reports/trial-balance?from=2019-01-01&to=2019-12-31").with(finance))
				.andExpect(status().isServiceUnavailable())
				.andExpect(header().string("Retry-After", "30"))
				.andExpect(header().string("Content-Type", Matchers.startsWith("application/problem+json")))
				.andExpect(jsonPath("$.detail", Matchers.containsString("The reports are busy")));
			// Pages that are not reports are not queued behind them.
			mvc.perform(get("/reports").with(finance)).andExpect(status().isOk());
		}
		finally {
			restore.run();
		}
		mvc.perform(get("/api/v1/reports/fund-statement?from=2019-01-01&to=2019-12-31").with(finance))
			.andExpect(status().isOk());
		org.assertj.core.api.Assertions.assertThat(gate.free()).isEqualTo(free);
	}

}
