package org.tafund.shell;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.JavascriptExecutor;
import org.tafund.support.BrowserTest;

/**
 * axe-core (4.14.1, kept in the test resources) run inside Chromium on the pages each role works on,
 * in English and in French: no serious or critical violation of WCAG 2.2 A and AA (contrast included).
 */
class AccessibilityBrowserTests extends BrowserTest {

	static final Map<String, List<String>> PAGES = new LinkedHashMap<>();

	static {
		PAGES.put("donor.officer", List.of("/", "/donors", "/donors/new", "/donors/import", "/contributions",
				"/contributions/overdue", "/contributions/agreements/new", "/reports"));
		PAGES.put("finance.officer", List.of("/", "/exchange-rates", "/bank-statements", "/publishing", "/books/journal",
				"/approvals", "/contributions/revaluations"));
		PAGES.put("project.manager", List.of("/", "/projects", "/projects/new", "/activities"));
		PAGES.put("admin", List.of("/admin/users", "/admin/operations", "/audit"));
		PAGES.put("auditor", List.of("/", "/audit"));
	}

	@org.springframework.beans.factory.annotation.Autowired
	org.tafund.projects.ProjectManagement projects;

	@org.springframework.beans.factory.annotation.Autowired
	org.tafund.reference.ReferenceCatalogue reference;

	/** A project the manager edits and a request they assess, made for this test. */
	private List<String> projectPages() {
		var request = projects.recordRequest("SEN", java.time.LocalDate.parse("2026-01-05"),
				org.tafund.projects.Codes.Channel.EMAIL, java.util.Set.of(org.tafund.projects.Codes.Subject.EXTRADITION),
				java.util.Set.of(), org.tafund.support.Unique.name("Accessibility request"));
		try (var signedIn = org.tafund.support.SignedIn.as("finance.officer", org.tafund.security.Role.FINANCE)) {
			var project = projects.createProject(new org.tafund.projects.ProjectDetails(
					"AX-" + org.tafund.support.Unique.suffix(), "Accessibility project", null,
					org.tafund.projects.Codes.Theme.MLA, java.util.Set.of(), java.util.Set.of("SEN"),
					reference.implementingEntity("UNODC-HQ").orElseThrow().id(), java.util.Set.of("project.manager"), null,
					null, null, null, 2, "15130", null, java.util.Set.of(request.id()),
					List.of(new org.tafund.projects.ProjectDetails.Budget(2026,
							org.tafund.projects.Codes.BudgetCategory.STAFF, new java.math.BigDecimal("1000")))));
			return List.of("/projects/requests", "/projects/requests/" + request.id(), "/projects/" + project.id(),
					"/projects/" + project.id() + "/edit");
		}
	}

	@Test
	void thePagesOfEveryRoleHaveNoSeriousOrCriticalViolationInEnglishOrFrench() throws IOException {
		String axe;
		try (var in = getClass().getResourceAsStream("/axe/axe.min.js")) {
			axe = new String(in.readAllBytes(), StandardCharsets.UTF_8);
		}
		var problems = new ArrayList<String>();
		int pages = 0;
		var all = new LinkedHashMap<>(PAGES);
		all.put("project.manager", java.util.stream.Stream
			.concat(PAGES.get("project.manager").stream(), projectPages().stream())
			.toList());
		for (var role : all.entrySet()) {
			browser.manage().deleteAllCookies();
			signIn(role.getKey(), "tafund-demo-2026");
			for (var lang : List.of("en", "fr")) {
				for (var path : role.getValue()) {
					open(path + "?lang=" + lang);
					assertThat(browser.getCurrentUrl()).as("%s reached %s", role.getKey(), path).contains(path + "?lang=");
					var js = (JavascriptExecutor) browser;
					js.executeScript(axe);
					@SuppressWarnings("unchecked")
					var violations = (List<Map<String, Object>>) js.executeAsyncScript("""
							var done = arguments[arguments.length - 1];
							axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'] } })
							  .then(function (r) { done(r.violations.filter(function (v) { return v.impact === 'serious' || v.impact === 'critical'; })
							    .map(function (v) { return { id: v.id, impact: v.impact, target: v.nodes[0].target.join(' '), count: v.nodes.length }; })); })
							  .catch(function (e) { done([{ id: 'axe failed: ' + e, impact: 'critical', target: '', count: 0 }]); });
							""");
					pages++;
					violations.forEach(v -> problems.add(role.getKey() + " " + lang + " " + path + ": " + v));
				}
			}
		}
		assertThat(pages).isGreaterThanOrEqualTo(40);
		assertThat(problems).as("serious or critical axe-core violations").isEmpty();
	}

}
