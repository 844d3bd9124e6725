package org.tafund;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;
import org.tafund.support.IntegrationTest;

/**
 * No page shows a user what only a programmer reads: an object's hash ({@code @32fb055d}), a
 * constant's code ({@code MEMBER_STATE}), a camelCase field name in a table header, or a date as
 * a machine writes it ({@code 2026-06-15}: pages write {@code 15 Jun 2026}, {@code 15 juin 2026}). The walk
 * opens every page of the menu, and a record of each kind, as each role that reads it, in
 * English and French, and reads the text a person sees (tags, scripts and attributes left out).
 */
@IntegrationTest
class ReadablePagesTests {

	static final Pattern HASH = Pattern.compile("@[0-9a-f]{6}");

	static final Pattern CODE = Pattern.compile("\\b[A-Z]{2,}_[A-Z_]{2,}\\b");

	static final Pattern CAMEL = Pattern.compile("\\b[a-z]+[A-Z][a-zA-Z]*\\b");

	/**
	 * A date or a month as a machine writes it (2026-06-15, 2026-06): pages write them as the reader
	 * does. Not inside a reference (BANK-2025-06-10), nor in the text a journal entry was recorded
	 * with ({@code data-recorded}: stored with the entry, hash-chained, never rewritten).
	 */
	static final Pattern ISO_DATE = Pattern.compile("(?<![\\w-])\\d{4}-\\d{2}(-\\d{2})?(?![\\w-])");

	static final Pattern RECORDED = Pattern.compile("(?s)<(td|span) data-recorded[^>]*>.*?</\\1>");

	static final Pattern HEADER = Pattern.compile("<th\\b[^>]*>(.*?)</th>", Pattern.DOTALL);

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	org.tafund.donors.DonorManagement donors;

	@Autowired
	org.tafund.contributions.ContributionManagement contributions;

	@Autowired
	org.tafund.projects.ProjectManagement projects;

	@Autowired
	org.tafund.reference.ReferenceCatalogue reference;

	/**
	 * What a demo walk meets, made here (the test database has no demo data): a donor with a pledge
	 * and a signed, amended agreement with a receipt; a request answered by a project with an
	 * activity and its budget.
	 */
	private void walk() throws Exception {
		var today = org.tafund.support.TestClock.today();
		long donor = donors.register(new org.tafund.donors.DonorDetails(org.tafund.support.Unique.name("Walk Foundation"),
				org.tafund.donors.DonorType.FOUNDATION, null, null, null, null, true, List.of())).id();
		contributions.recordPledge(donor, today.minusDays(40), new java.math.BigDecimal("5000.00"), "USD",
				org.tafund.contributions.FundingWindow.CPCJF_SPECIAL_PURPOSE, "Announced at the Commission");
		var line = List.of(new org.tafund.contributions.ScheduleLine(today.plusDays(30), new java.math.BigDecimal("20000.00")));
		var agreement = contributions.createAgreement(new org.tafund.contributions.AgreementTerms(
				org.tafund.support.Unique.name("WALK"), donor, "USD", new java.math.BigDecimal("20000.00"),
				org.tafund.contributions.FundingWindow.CPCJF_GENERAL_PURPOSE, null, 1, null, null, null, null, false, null,
				null, today.minusDays(20), line));
		contributions.amend(agreement.id(), agreement.version(), today.minusDays(10), "Second tranche",
				new java.math.BigDecimal("25000.00"), List.of(new org.tafund.contributions.ScheduleLine(today.plusDays(30),
						new java.math.BigDecimal("25000.00"))));
		var request = projects.recordRequest("SEN", today.minusDays(60), org.tafund.projects.Codes.Channel.LETTER,
				java.util.Set.of(org.tafund.projects.Codes.Subject.EXTRADITION), java.util.Set.of(), "Walk request");
		try (var signedIn = org.tafund.support.SignedIn.as("finance.officer", org.tafund.security.Role.FINANCE)) {
			contributions.submitReceipt(agreement.id(), new org.tafund.contributions.ReceiptCommand(today.minusDays(5),
					new java.math.BigDecimal("10000.00"), "USD", "WALK-BANK", null, false));
			var project = projects.createProject(new org.tafund.projects.ProjectDetails(
					"WK-" + org.tafund.support.Unique.suffix(), "Walk project", "Extradition in West Africa",
					org.tafund.projects.Codes.Theme.EXTRADITION, java.util.Set.of(), java.util.Set.of("SEN"),
					reference.implementingEntity("UNODC-ROSEN").orElseThrow().id(), java.util.Set.of("project.manager"),
					null, null, null, null, 2, "15130", null, java.util.Set.of(request.id()),
					List.of(new org.tafund.projects.ProjectDetails.Budget(today.getYear(),
							org.tafund.projects.Codes.BudgetCategory.TRAVEL, new java.math.BigDecimal("8000")))));
			mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post("/api/v1/activities")
				.contentType(org.springframework.http.MediaType.APPLICATION_JSON)
				.content("""
						{"projectId":%d,"type":"TRAINING_OR_WORKSHOP","title":"Walk workshop","startDate":"%s",
						 "endDate":"%s","mode":"IN_PERSON","country":"SEN","city":"Dakar",
						 "participants":{"women":2,"men":1,"sexNotRecorded":0,"centralAuthority":3,"prosecution":0,
						 "judiciary":0,"lawEnforcement":0,"ministry":0,"otherInstitution":0}}"""
					.formatted(project.id(), today.minusDays(3), today.minusDays(2)))
				.with(org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors
					.httpBasic("finance.officer", "tafund-demo-2026")))
				.andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.status().isCreated());
		}
	}

	@Test
	void noPageOfADemoWalkShowsAHashAConstantAFieldNameOrAMachineDate() throws Exception {
		walk();
		var pages = pages();
		var problems = new ArrayList<String>();
		int read = 0;
		for (var entry : pages.entrySet()) {
			for (var path : entry.getValue()) {
				for (var lang : List.of("en", "fr")) {
					var response = mvc.perform(get(path).param("lang", lang).with(user(entry.getKey())
						.roles(entry.getKey().equals("donor.officer") ? "DONOR_RELATIONS"
								: entry.getKey().equals("project.manager") ? "PROJECT_MANAGER"
										: entry.getKey().equals("finance.officer") ? "FINANCE"
												: entry.getKey().equals("admin") ? "ADMIN" : "AUDITOR")))
						.andReturn()
						.getResponse();
					if (response.getStatus() != 200) {
						problems.add(entry.getKey() + " " + path + " answered " + response.getStatus());
						continue;
					}
					read++;
					var html = response.getContentAsString();
					var text = visible(html);
					find(HASH, text, problems, entry.getKey() + " " + lang + " " + path + ": hash ");
					find(CODE, text, problems, entry.getKey() + " " + lang + " " + path + ": code ");
					find(ISO_DATE, visible(RECORDED.matcher(html).replaceAll(" ")), problems,
							entry.getKey() + " " + lang + " " + path + ": date ");
					var headers = HEADER.matcher(html);
					while (headers.find()) {
						find(CAMEL, visible(headers.group(1)), problems,
								entry.getKey() + " " + lang + " " + path + ": header ");
					}
				}
			}
		}
		assertThat(read).isGreaterThanOrEqualTo(60);
		// The dates are there, written as the reader writes them (signed 20 days before the test clock's 15 June 2026).
		long agreement = first("SELECT MAX(id) FROM agreement WHERE signed_on IS NOT NULL");
		for (var lang : Map.of("fr", "26 mai 2026", "en", "26 May 2026", "es", "26 may 2026").entrySet()) {
			var page = mvc.perform(get("/contributions/agreements/" + agreement).param("lang", lang.getKey())
				.with(user("donor.officer").roles("DONOR_RELATIONS"))).andReturn().getResponse().getContentAsString();
			assertThat(visible(page)).as(lang.getKey()).contains(lang.getValue());
		}
		assertThat(problems).as("what only a programmer reads, on the pages of a demo walk").isEmpty();
	}

	/**
	 * The same for the files a walk downloads: every report as CSV, XLSX and PDF, in English and
	 * French, read as a person reads them (CSV and XLSX cells, PDF text). The trial balance's
	 * account-code column is the one place where codes are the content.
	 */
	@Test
	void noExportOfADemoWalkShowsAHashAConstantOrAFieldName() throws Exception {
		walk();
		long agreement = first("SELECT MAX(id) FROM agreement WHERE signed_on IS NOT NULL");
		long donor = first("SELECT donor_id FROM agreement WHERE id = " + agreement);
		long project = first("SELECT MAX(id) FROM project");
		var year = org.tafund.support.TestClock.today().getYear();
		var period = "from=" + year + "-01-01&to=" + year + "-12-31";
		var reports = List.of("/reports/ledger.%s?" + period + "&donorId=" + donor,
				"/reports/status-of-contributions.%s?" + period + "&donorId=" + donor,
				"/reports/donor-statement.%s?" + period + "&donorId=" + donor,
				"/reports/project-report.%s?" + period + "&projectId=" + project,
				"/reports/implementation.%s?" + period, "/reports/fund-statement.%s?" + period,
				"/reports/trial-balance.%s?" + period, "/reports/financial-statements.%s?" + period);
		var accountCodes = Pattern.compile("\\b(" + java.util.Arrays.stream(org.tafund.books.Account.values())
			.map(Enum::name)
			.collect(java.util.stream.Collectors.joining("|")) + ")\\b");
		var problems = new ArrayList<String>();
		int read = 0;
		for (var report : reports) {
			for (var format : List.of("csv", "xlsx", "pdf")) {
				for (var lang : List.of("en", "fr")) {
					var path = report.formatted(format) + "&lang=" + lang;
					var response = mvc.perform(get(path).with(user("finance.officer").roles("FINANCE")))
						.andReturn()
						.getResponse();
					if (response.getStatus() != 200) {
						problems.add(path + " answered " + response.getStatus());
						continue;
					}
					read++;
					var cells = cells(format, response.getContentAsByteArray());
					var text = String.join(" | ", cells.subList(1, cells.size()));
					if (report.contains("trial-balance")) {
						text = accountCodes.matcher(text).replaceAll("");
					}
					find(HASH, text, problems, path + ": hash ");
					find(CODE, text, problems, path + ": code ");
					// The header: the first row of a CSV, the row under the title of a workbook.
					find(CAMEL, cells.get(0), problems, path + ": header ");
					find(Pattern.compile("\\b[a-z]+_[a-z_]+\\b"), cells.get(0), problems, path + ": header ");
				}
			}
		}
		assertThat(read).isEqualTo(reports.size() * 6);
		assertThat(problems).as("what only a programmer reads, in the files of a demo walk").isEmpty();
	}

	/** A file as a reader sees it: its header line first, then the rest of its text. */
	private static List<String> cells(String format, byte[] bytes) throws Exception {
		var out = new ArrayList<String>();
		switch (format) {
			case "csv" -> {
				var lines = new String(bytes, java.nio.charset.StandardCharsets.UTF_8).substring(1).split("\r\n", 2);
				out.add(lines[0]);
				out.add(lines.length > 1 ? lines[1] : "");
			}
			case "xlsx" -> {
				try (var workbook = new org.apache.poi.xssf.usermodel.XSSFWorkbook(new java.io.ByteArrayInputStream(bytes))) {
					var sheet = workbook.getSheetAt(0);
					var header = new ArrayList<String>();
					sheet.getRow(3).forEach(cell -> header.add(cell.toString()));
					out.add(String.join(",", header));
					var formatter = new org.apache.poi.ss.usermodel.DataFormatter();
					sheet.forEach(row -> row.forEach(cell -> out.add(formatter.formatCellValue(cell))));
				}
			}
			default -> {
				var reader = new com.lowagie.text.pdf.PdfReader(bytes);
				var text = new StringBuilder();
				for (int page = 1; page <= reader.getNumberOfPages(); page++) {
					text.append(new com.lowagie.text.pdf.parser.PdfTextExtractor(reader).getTextFromPage(page)).append('\n');
				}
				out.add("");
				out.add(text.toString());
			}
		}
		return out;
	}

	private static void find(Pattern pattern, String text, List<String> problems, String where) {
		var matcher = pattern.matcher(text);
		while (matcher.find()) {
			int from = Math.max(0, matcher.start() - 40);
			int to = Math.min(text.length(), matcher.end() + 40);
			problems.add(where + matcher.group() + " in …" + text.substring(from, to).replaceAll("\\s+", " ") + "…");
		}
	}

	static String visible(String html) {
		return org.tafund.support.VisibleText.of(html);
	}

	private Map<String, List<String>> pages() {
		long agreement = first("SELECT MAX(id) FROM agreement WHERE signed_on IS NOT NULL");
		long donor = first("SELECT donor_id FROM agreement WHERE id = " + agreement);
		long project = first("SELECT MAX(id) FROM project");
		long request = first("SELECT MAX(id) FROM assistance_request");
		// A revision of the agreement: what changed in a record of each kind a walk meets.
		long revision = first("SELECT MAX(rev) FROM agreement_aud WHERE id = " + agreement);
		var pages = new LinkedHashMap<String, List<String>>();
		pages.put("donor.officer", List.of("/", "/donors", "/donors/" + donor, "/donors/" + donor + "/edit",
				"/contributions", "/contributions/overdue", "/contributions/agreements/" + agreement,
				"/contributions/agreements/new", "/contributions/donors/" + donor + "/summary", "/donors/import",
				"/reports", "/notifications", "/approvals"));
		pages.put("finance.officer", List.of("/", "/exchange-rates", "/contributions/revaluations",
				"/projects/" + project, "/books/journal", "/books/accounts", "/books/periods",
				"/reports/ledger", "/reports/fund-statement", "/reports/status-of-contributions",
				"/reports/trial-balance", "/reports/financial-statements", "/reports/implementation",
				"/reports/donor-statement?donorId=" + donor, "/bank-statements", "/publishing", "/approvals"));
		pages.put("project.manager", List.of("/", "/projects", "/projects/new", "/projects/" + project,
				"/projects/requests", "/projects/requests/" + request, "/activities",
				"/activities/projects/" + project + "/summary", "/reports/project-report?projectId=" + project));
		pages.put("admin", List.of("/", "/admin/users", "/admin/operations", "/admin/reference", "/admin/approvals",
				"/audit", "/audit/sign-ins", "/audit/revisions/" + revision, "/history/Agreement/" + agreement,
				"/history/Project/" + project));
		pages.put("auditor", List.of("/", "/audit", "/audit/sign-ins", "/audit/journal"));
		return pages;
	}

	private long first(String sql) {
		var value = jdbc.queryForObject(sql, Long.class);
		assertThat(value).as(sql).isNotNull();
		return value;
	}

}
