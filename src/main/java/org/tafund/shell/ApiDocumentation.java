package org.tafund.shell;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;

import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.web.access.WebInvocationPrivilegeEvaluator;
import org.tafund.security.Role;

/**
 * The OpenAPI 3.1 description of {@code /api/v1} ({@code /v3/api-docs}, browsable at
 * {@code /api-docs}): springdoc reads the controllers; this adds what they do not say. The roles of
 * each operation are asked of the access rules themselves (Spring Security's privilege evaluator,
 * one role at a time), so the document cannot drift from them; per-record rules (a project's own
 * managers) are the services' and are said in words. Every operation may answer a problem document.
 */
@Configuration(proxyBeanMethods = false)
class ApiDocumentation {

	static final String PROBLEM = "Problem";

	/** The answers every operation may give as a problem document, and why. */
	static final Map<String, String> PROBLEMS = Map.of("400", "The request is malformed: a field, its type or the JSON.",
			"401", "No valid credentials: a token, a session or (demo profile only) HTTP Basic.", "403",
			"Your roles do not allow this, or a second factor is needed first.", "404", "No such record.", "409",
			"Someone changed it first: read it again.", "412", "The If-Match ETag is not the record's current one.",
			"422", "A rule of the Fund refuses it; `code` names the rule.", "503",
			"The database is unavailable: nothing was recorded; try again after Retry-After.");

	@Bean
	OpenAPI tafundApi() {
		return new OpenAPI()
			.info(new Info().title("tafund API")
				.version("v1")
				.description("The API of tafund, the UN Crime Prevention and Criminal Justice Fund's system: donors, "
						+ "agreements and receipts, projects, allocations and expenditure, the books and the reports. "
						+ "Scripts sign in with a personal API token (`Authorization: Bearer tfd_…`, made under Account "
						+ "→ API tokens); a browser session works too, with its `X-CSRF-TOKEN` on writes. Creating "
						+ "money records honours an `Idempotency-Key`: a retry with the same key gets the first answer "
						+ "and books nothing twice (a claim left unfinished for 60 s is taken over). Edits need the "
						+ "record's `ETag` in `If-Match`. Amounts are strings with a dot (`\"1000000.00\"`); dates ISO."))
			.components(new Components()
				.addSecuritySchemes("token", new SecurityScheme().type(SecurityScheme.Type.HTTP).scheme("bearer")
					.description("A personal API token, READ or WRITE scope"))
				.addSecuritySchemes("session", new SecurityScheme().type(SecurityScheme.Type.APIKEY)
					.in(SecurityScheme.In.COOKIE)
					.name("SESSION")
					.description("A browser session; writes also need the X-CSRF-TOKEN header"))
				.addSchemas(PROBLEM, problemSchema()))
			.addSecurityItem(new SecurityRequirement().addList("token"))
			.addSecurityItem(new SecurityRequirement().addList("session"));
	}

	private static Schema<?> problemSchema() {
		return new ObjectSchema().description("An RFC 9457 problem document (application/problem+json)")
			.addProperty("type", new StringSchema())
			.addProperty("title", new StringSchema().example("Unprocessable Content"))
			.addProperty("status", new IntegerSchema().example(422))
			.addProperty("detail", new StringSchema().example("The receipt exceeds what is outstanding on the agreement."))
			.addProperty("instance", new StringSchema().example("/api/v1/agreements/8/receipts"))
			.addProperty("code", new StringSchema().description("The rule refused (422)").example("receipt.exceedsOutstanding"))
			.addProperty("traceId", new StringSchema().description("The request's id, as in the log").example("3f2a9c1d0b7e4a51"))
			.addProperty("errors", new ObjectSchema().description("400: the fields refused, each with why"));
	}

	@Bean
	OpenApiCustomizer rolesAndProblems(WebInvocationPrivilegeEvaluator access) {
		return api -> {
			if (api.getPaths() == null) {
				return;
			}
			api.getPaths().forEach((path, item) -> item.readOperationsMap().forEach((method, operation) -> {
				describeRoles(access, path, method, operation);
				addProblems(operation);
			}));
		};
	}

	/** Controllers' default tags, in the words of the README's sections. */
	static final Map<String, String> TAGS = Map.ofEntries(Map.entry("donor-api-controller", "Donors"),
			Map.entry("contribution-api-controller", "Contributions"), Map.entry("project-api-controller", "Projects"),
			Map.entry("activity-api-controller", "Activities"), Map.entry("exchange-rate-api-controller", "Exchange rates"),
			Map.entry("books-api-controller", "Books"), Map.entry("books-reports-controller", "Books reports"),
			Map.entry("report-api-controller", "Reports"), Map.entry("approval-api-controller", "Approvals"),
			Map.entry("token-api-controller", "API tokens"), Map.entry("user-api-controller", "Users"));

	/** An example body for the requests a script sends most, as the README's examples. */
	static final Map<String, Map<String, Object>> EXAMPLES = Map.of(
			"DonorForm", Map.of("name", "Norway", "type", "MEMBER_STATE", "country", "NOR", "iatiIdentifier", "XM-DAC-8"),
			"AgreementRequest", Map.of("donorId", 1, "reference", "NOR-2027-01", "currency", "NOK", "amount", 1000000.00,
					"window", "CPCJF_SPECIAL_PURPOSE", "signedOn", "2026-11-20", "pscRate", 0.13, "instalments",
					List.of(Map.of("dueOn", "2027-02-01", "amount", 600000.00),
							Map.of("dueOn", "2027-08-01", "amount", 400000.00))),
			"PledgeRequest", Map.of("donorId", 1, "pledgedOn", "2026-10-02", "amount", 250000.00, "currency", "EUR",
					"window", "CPCJF_GENERAL_PURPOSE"),
			"ReceiptRequest", Map.of("receivedOn", "2026-11-25", "amount", 600000.00, "currency", "NOK", "bankReference",
					"NO-TREAS-1"),
			"RefundRequest", Map.of("refundedOn", "2026-12-01", "amount", 5000.00, "reason", "Unspent balance returned"),
			"AllocationForm", Map.of("agreementId", 8, "projectId", 3, "amountUsd", 120000.00, "allocatedOn", "2026-12-01"),
			"ExpenditureForm", Map.of("projectId", 3, "spentOn", "2026-12-03", "category", "TRAVEL", "amount", 4200.00,
					"currency", "USD", "reference", "TA-2026-118", "description", "Workshop travel, Abuja"),
			"RateForm", Map.of("currency", "NOK", "effectiveDate", "2026-12-01", "unitsPerUsd", 10.85));

	@Bean
	OpenApiCustomizer tagsAndExamples() {
		return api -> {
			if (api.getPaths() != null) {
				api.getPaths().values().forEach(item -> item.readOperations().forEach(operation -> {
					if (operation.getTags() != null) {
						operation.setTags(operation.getTags().stream().map(tag -> TAGS.getOrDefault(tag, tag)).toList());
					}
				}));
			}
			if (api.getComponents() != null && api.getComponents().getSchemas() != null) {
				EXAMPLES.forEach((name, example) -> {
					var schema = api.getComponents().getSchemas().get(name);
					if (schema != null) {
						schema.setExample(example);
					}
				});
			}
		};
	}

	private static void describeRoles(WebInvocationPrivilegeEvaluator access, String path, PathItem.HttpMethod method,
			Operation operation) {
		var uri = path.replaceAll("\\{[^}]+}", "1");
		var roles = new ArrayList<String>();
		for (var role : Role.values()) {
			var someone = UsernamePasswordAuthenticationToken.authenticated("openapi", null,
					List.of(new SimpleGrantedAuthority(role.authority())));
			if (access.isAllowed("", uri, method.name(), someone)) {
				roles.add(role.name());
			}
		}
		operation.addExtension("x-roles", roles);
		var said = "Roles: " + (roles.size() == Role.values().length ? "every signed-in user" : String.join(", ", roles))
				+ ".";
		operation.setDescription(operation.getDescription() == null ? said : operation.getDescription() + "\n\n" + said);
	}

	private static void addProblems(Operation operation) {
		var problems = new TreeMap<>(PROBLEMS);
		problems.forEach((status, why) -> {
			if (operation.getResponses() != null && !operation.getResponses().containsKey(status)) {
				operation.getResponses()
					.addApiResponse(status, new ApiResponse().description(why)
						.content(new Content().addMediaType("application/problem+json",
								new MediaType().schema(new Schema<>().$ref("#/components/schemas/" + PROBLEM)))));
			}
		});
	}

}
