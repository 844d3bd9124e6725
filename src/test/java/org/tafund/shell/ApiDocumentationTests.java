package org.tafund.shell;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import java.util.ArrayList;
import java.util.Locale;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import org.tafund.support.IntegrationTest;

import io.swagger.v3.core.util.Json31;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.PathItem;

/** The OpenAPI description covers every /api/v1 route, parses as OpenAPI 3.1 and says who may call what. */
@IntegrationTest
class ApiDocumentationTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	ApplicationContext context;

	OpenAPI document() throws Exception {
		var json = mvc.perform(get("/v3/api-docs").with(user("someone").roles("AUDITOR")))
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(json).startsWith("{\"openapi\":\"3.1");
		return Json31.mapper().readValue(json, OpenAPI.class);
	}

	@Test
	void everyApiRouteIsDescribed() throws Exception {
		var api = document();
		assertThat(api.getOpenapi()).startsWith("3.1");
		var mapping = context.getBean("requestMappingHandlerMapping", RequestMappingHandlerMapping.class);
		var missing = new ArrayList<String>();
		var routes = 0;
		for (var info : mapping.getHandlerMethods().keySet()) {
			for (var path : info.getPatternValues()) {
				if (!path.startsWith("/api/v1/")) {
					continue;
				}
				var methods = info.getMethodsCondition().getMethods();
				for (var method : methods) {
					routes++;
					var item = api.getPaths().get(path);
					if (item == null || item.readOperationsMap().get(PathItem.HttpMethod.valueOf(method.name())) == null) {
						missing.add(method + " " + path);
					}
				}
			}
		}
		assertThat(routes).isGreaterThan(40);
		assertThat(missing).isEmpty();
	}

	@Test
	void eachOperationSaysItsRolesItsHeadersAndItsProblems() throws Exception {
		var receipts = document().getPaths().get("/api/v1/agreements/{id}/receipts").getPost();
		assertThat(receipts.getExtensions().get("x-roles")).asList().containsExactlyInAnyOrder("FINANCE", "ADMIN");
		assertThat(receipts.getDescription()).contains("Roles: FINANCE, ADMIN");
		assertThat(receipts.getParameters()).anySatisfy(p -> assertThat(p.getName()).isEqualTo("Idempotency-Key"));
		assertThat(receipts.getResponses().get("422").getContent().get("application/problem+json").getSchema().get$ref())
			.isEqualTo("#/components/schemas/Problem");
		assertThat(receipts.getTags()).containsExactly("Contributions");
		var example = document().getComponents().getSchemas().get("ReceiptRequest").getExample();
		assertThat(example).asString().contains("receivedOn").contains("2026-11-25");
		// Every example names only properties of its schema.
		var schemas = document().getComponents().getSchemas();
		ApiDocumentation.EXAMPLES.forEach((name, body) -> assertThat(schemas.get(name).getProperties().keySet())
			.as(name).containsAll(body.keySet()));
		var me = document().getPaths().get("/api/v1/me").getGet();
		assertThat(me.getDescription()).contains("Roles: every signed-in user");
	}

	@Test
	void theBrowsableDescriptionIsForSignedInUsers() throws Exception {
		assertThat(mvc.perform(get("/v3/api-docs")).andReturn().getResponse().getRedirectedUrl()).endsWith("/login");
		var page = mvc.perform(get("/api-docs").with(user("someone").roles("AUDITOR"))).andReturn().getResponse();
		assertThat(page.getStatus()).isIn(200, 302);
		assertThat(page.getStatus() == 302 ? page.getRedirectedUrl() : page.getContentAsString().toLowerCase(Locale.ROOT))
			.contains("swagger");
	}

}
