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

	@Test
	void thePagesOfEveryRoleHaveNoSeriousOrCriticalViolationInEnglishOrFrench() throws IOException {
		String axe;
		try (var in = getClass().getResourceAsStream("/axe/axe.min.js")) {
			axe = new String(in.readAllBytes(), StandardCharsets.UTF_8);
		}
		var problems = new ArrayList<String>();
		int pages = 0;
		for (var role : PAGES.entrySet()) {
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
