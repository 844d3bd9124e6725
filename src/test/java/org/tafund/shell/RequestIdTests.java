package org.tafund.shell;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.test.web.servlet.MockMvc;
import org.tafund.support.IntegrationTest;

import com.jayway.jsonpath.JsonPath;

/** The request id: in the response header, in every problem document, on error pages and in the log. */
@IntegrationTest
@ExtendWith(OutputCaptureExtension.class)
class RequestIdTests {

	@Autowired
	MockMvc mvc;

	@org.springframework.boot.test.web.server.LocalServerPort
	int port;

	@Test
	void everyProblemDocumentCarriesTheIdOfItsRequest() throws Exception {
		var notFound = mvc.perform(get("/api/v1/donors/987654321").with(user("donor.officer").roles("DONOR_RELATIONS")))
			.andReturn()
			.getResponse();
		assertThat(notFound.getStatus()).isEqualTo(404);
		var id = notFound.getHeader("X-Request-Id");
		assertThat(id).matches("[0-9a-f]{16}");
		assertThat((String) JsonPath.read(notFound.getContentAsString(), "$.traceId")).isEqualTo(id);
		// The problems written before any controller (401 here) carry it too, each request its own.
		var anonymous = mvc.perform(get("/api/v1/donors")).andReturn().getResponse();
		assertThat(anonymous.getStatus()).isEqualTo(401);
		assertThat((String) JsonPath.read(anonymous.getContentAsString(), "$.traceId"))
			.isEqualTo(anonymous.getHeader("X-Request-Id"))
			.isNotEqualTo(id);
	}

	@Test
	void aProxysIdIsKeptWhenItLooksLikeOneAndReplacedOtherwise() throws Exception {
		var kept = mvc.perform(get("/login").header("X-Request-Id", "proxy-0042abcd")).andReturn().getResponse();
		assertThat(kept.getHeader("X-Request-Id")).isEqualTo("proxy-0042abcd");
		var replaced = mvc.perform(get("/login").header("X-Request-Id", "x\" injected=1 {}")).andReturn().getResponse();
		assertThat(replaced.getHeader("X-Request-Id")).matches("[0-9a-f]{16}");
	}

	@Test
	void theLogLineOfARequestAndItsErrorPageNameTheSameId(CapturedOutput output) throws Exception {
		var denied = mvc.perform(get("/audit").with(user("request.id.test").roles("PROJECT_MANAGER"))).andReturn().getResponse();
		assertThat(denied.getStatus()).isEqualTo(403);
		var id = denied.getHeader("X-Request-Id");
		assertThat(output.getAll()).containsPattern("\\[" + id + "\\].*ACCESS_DENIED user=request.id.test");
		// An error page (rendered by the container's error dispatch, so over real HTTP) says it too.
		var missing = java.net.http.HttpClient.newHttpClient()
			.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create("http://localhost:" + port + "/webjars/nothing-here.js"))
				.build(), java.net.http.HttpResponse.BodyHandlers.ofString());
		assertThat(missing.statusCode()).isEqualTo(404);
		assertThat(missing.body()).contains("reference " + missing.headers().firstValue("X-Request-Id").orElseThrow());
	}

}
