package org.tafund.reporting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.ByteArrayInputStream;
import java.io.StringReader;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;

import com.lowagie.text.pdf.PdfReader;
import com.lowagie.text.pdf.parser.PdfTextExtractor;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import org.tafund.contributions.AgreementTerms;
import org.tafund.contributions.ContributionManagement;
import org.tafund.contributions.FundingWindow;
import org.tafund.contributions.ReceiptCommand;
import org.tafund.contributions.ScheduleLine;
import org.tafund.donors.DonorDetails;
import org.tafund.donors.DonorManagement;
import org.tafund.donors.DonorType;
import org.tafund.fx.ExchangeRateManagement;
import org.tafund.projects.Codes;
import org.tafund.projects.ProjectDetails;
import org.tafund.projects.ProjectManagement;
import org.tafund.reference.ReferenceCatalogue;
import org.tafund.security.Role;
import org.tafund.support.IntegrationTest;
import org.tafund.support.OwnDatabase;
import org.tafund.support.SignedIn;

/**
 * A worked example in 2017, on a database of its own, with its arithmetic written out: the status
 * of contributions, a donor statement, a project financial report and the report on
 * implementation, each checked on its figures, against the fund statement, and in its exports
 * parsed back.
 */
@IntegrationTest
@OwnDatabase
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ReportTests {

	static final String PERIOD = "from=2017-01-01&to=2017-12-31";

	@Autowired
	ContributionManagement contributions;

	@Autowired
	DonorManagement donors;

	@Autowired
	ExchangeRateManagement rates;

	@Autowired
	ProjectManagement projects;

	@Autowired
	ReferenceCatalogue reference;

	@Autowired
	FundStatement fundStatement;

	@Autowired
	MockMvc mvc;

	long israel;

	long foundation;

	long project;

	@BeforeAll
	void workedExample() {
		rates.record("ILS", LocalDate.parse("2017-01-01"), new BigDecimal("4.00"));
		rates.record("ILS", LocalDate.parse("2017-12-01"), new BigDecimal("5.00"));
		israel = donors.register(new DonorDetails("Report Test State", DonorType.MEMBER_STATE, "ISR", null, "10", null,
				true, List.of())).id();
		foundation = donors.register(new DonorDetails("Report Test Foundation", DonorType.FOUNDATION, null, null, null,
				null, true, List.of())).id();
		// A1: 400,000.00 ILS signed at 4.00 = 100,000.00 USD recognised; two instalments of 200,000.00
		var a1 = contributions.createAgreement(new AgreementTerms("RPT-2017-A1", israel, "ILS",
				new BigDecimal("400000.00"), FundingWindow.CPCJF_GENERAL_PURPOSE, null, 1, null, null, null, null, false,
				null, null, LocalDate.parse("2017-02-01"),
				List.of(new ScheduleLine(LocalDate.parse("2017-03-31"), new BigDecimal("200000.00")),
						new ScheduleLine(LocalDate.parse("2017-11-30"), new BigDecimal("200000.00"))))).id();
		// 240,000.00 ILS / 4.00 = 60,000.00 USD received; 40,000.00 ILS / 4.00 = 10,000.00 USD refunded
		contributions.recordReceipt(a1, new ReceiptCommand(LocalDate.parse("2017-04-10"), new BigDecimal("240000.00"),
				"ILS", "IL-BOI-17", null, false));
		contributions.refund(a1, LocalDate.parse("2017-06-01"), new BigDecimal("40000.00"), "Unspent balance");
		// B1: conditional, 50,000.00 USD, recognised only as cash arrives: 20,000.00 USD received
		var b1 = contributions.createAgreement(new AgreementTerms("RPT-2017-B1", foundation, "USD",
				new BigDecimal("50000.00"), FundingWindow.CPCJF_SPECIAL_PURPOSE, null, 1, null, null, null, null, true,
				null, null, LocalDate.parse("2017-05-01"),
				List.of(new ScheduleLine(LocalDate.parse("2017-09-30"), new BigDecimal("50000.00"))))).id();
		contributions.recordReceipt(b1, new ReceiptCommand(LocalDate.parse("2017-07-01"), new BigDecimal("20000.00"),
				"USD", "FDN-17", null, false));

		try (var signedIn = SignedIn.as("finance.officer", Role.FINANCE)) {
			project = projects.createProject(new ProjectDetails("RPT-P17", "Central authorities in Nepal and Moldova", null,
					Codes.Theme.MLA, Set.of(Codes.Instrument.UNTOC), Set.of("NPL", "MDA"),
					reference.implementingEntity("UNODC-HQ").orElseThrow().id(), Set.of("project.manager"), null, null,
					null, null, 2, "15130", null, Set.of(),
					List.of(new ProjectDetails.Budget(2017, Codes.BudgetCategory.TRAVEL, new BigDecimal("20000.00")),
							new ProjectDetails.Budget(2017, Codes.BudgetCategory.WORKSHOPS_AND_TRAINING,
									new BigDecimal("30000.00"))))).id();
			projects.allocate(a1, project, new BigDecimal("50000.00"), LocalDate.parse("2017-05-01"));
			// 10,000.00 USD, PSC 13% = 1,300.00; 20,000.00 ILS / 4.00 = 5,000.00 USD, PSC 650.00
			projects.spend(project, null, LocalDate.parse("2017-06-15"), Codes.BudgetCategory.TRAVEL,
					new BigDecimal("10000.00"), "USD", "PO-17-1", null);
			projects.spend(project, null, LocalDate.parse("2017-08-01"), Codes.BudgetCategory.WORKSHOPS_AND_TRAINING,
					new BigDecimal("20000.00"), "ILS", "PO-17-2", null);
		}
		// 20 participants in Nepal (12 women, 8 men), 5 in Moldova (3 women, 2 men)
		logActivity("""
				{"projectId":%d,"type":"TRAINING_OR_WORKSHOP","title":"MLA training","startDate":"2017-07-10",
				 "endDate":"2017-07-12","mode":"IN_PERSON","country":"NPL","city":"Kathmandu","instruments":["UNTOC"],
				 "participants":{"women":12,"men":8,"sexNotRecorded":0,"centralAuthority":10,"prosecution":10,
				 "judiciary":0,"lawEnforcement":0,"ministry":0,"otherInstitution":0}}""".formatted(project));
		logActivity("""
				{"projectId":%d,"type":"LEGISLATIVE_DRAFTING","title":"Draft MLA law","startDate":"2017-09-05",
				 "endDate":"2017-09-06","mode":"IN_PERSON","country":"MDA","city":"Chisinau",
				 "participants":{"women":3,"men":2,"sexNotRecorded":0,"centralAuthority":0,"prosecution":0,
				 "judiciary":0,"lawEnforcement":0,"ministry":5,"otherInstitution":0}}""".formatted(project));
	}

	private void logActivity(String json) {
		try {
			mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post("/api/v1/activities")
				.with(org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors
					.httpBasic("project.manager", "tafund-demo-2026"))
				.contentType(org.springframework.http.MediaType.APPLICATION_JSON)
				.content(json)).andExpect(status().isCreated());
		}
		catch (Exception e) {
			throw new IllegalStateException(e);
		}
	}

	@Test
	void statusOfContributionsShowsEachAgreementAndTotalsThatAgreeWithTheFundStatement() throws Exception {
		mvc.perform(get("/api/v1/reports/status-of-contributions?" + PERIOD).with(user("d").roles("DONOR_RELATIONS")))
			.andExpect(status().isOk())
			// A1: 400,000 - 240,000 = 160,000.00 ILS outstanding, all of it overdue at 2017-12-31 (both
			// instalments fell due); at the period-end rate 5.00: 32,000.00 USD
			.andExpect(jsonPath("$.rows[?(@.reference=='RPT-2017-A1')].outstanding").value(160000.00))
			.andExpect(jsonPath("$.rows[?(@.reference=='RPT-2017-A1')].outstandingUsd").value(32000.00))
			.andExpect(jsonPath("$.rows[?(@.reference=='RPT-2017-A1')].overdueUsd").value(32000.00))
			.andExpect(jsonPath("$.rows[?(@.reference=='RPT-2017-A1')].periodEndRate").value(5.00))
			.andExpect(jsonPath("$.rows[?(@.reference=='RPT-2017-A1')].refundedUsd").value(10000.00))
			// B1: 50,000 - 20,000 = 30,000.00 USD outstanding and overdue (due 2017-09-30)
			.andExpect(jsonPath("$.rows[?(@.reference=='RPT-2017-B1')].outstandingUsd").value(30000.00))
			// agreed 100,000 + 50,000; received 60,000 + 20,000; outstanding 32,000 + 30,000
			.andExpect(jsonPath("$.total.agreedUsd").value(150000.00))
			.andExpect(jsonPath("$.total.receivedInPeriodUsd").value(80000.00))
			.andExpect(jsonPath("$.total.outstandingUsd").value(62000.00))
			.andExpect(jsonPath("$.total.overdueUsd").value(62000.00))
			.andExpect(jsonPath("$.total.refundedUsd").value(10000.00))
			// revenue: A1 recognised at signature (100,000) + B1's cash (20,000)
			.andExpect(jsonPath("$.total.recognisedInPeriodUsd").value(120000.00))
			.andExpect(jsonPath("$.byDonorType[?(@.label=='MEMBER_STATE')].agreedUsd").value(100000.00));
		mvc.perform(get("/api/v1/reports/status-of-contributions?" + PERIOD + "&donorType=FOUNDATION")
			.with(user("d").roles("DONOR_RELATIONS"))).andExpect(jsonPath("$.rowCount").value(1));

		// The fund statement, aggregated by other SQL, agrees to the cent.
		var statement = fundStatement.of(LocalDate.parse("2017-01-01"), LocalDate.parse("2017-12-31"));
		assertThat(line(statement, "contributions")).isEqualByComparingTo("120000.00");
		assertThat(line(statement, "refunds")).isEqualByComparingTo("-10000.00");
		assertThat(statement.cashReceived()).isEqualByComparingTo("80000.00");
		// nothing before 2017: closing = 120,000 - 10,000 - 15,000 - 1,950 + 1,950 (the PSC is the income
		// of the Fund's PSC segment) = 95,000.00, of which 50,000 - 15,000 - 1,950 = 33,050.00 allocated
		// and unspent, 61,950.00 not allocated (1,950.00 of it in the PSC segment)
		assertThat(line(statement, "psc")).isEqualByComparingTo("-1950.00");
		assertThat(line(statement, "pscIncome")).isEqualByComparingTo("1950.00");
		assertThat(statement.closing()).isEqualByComparingTo("95000.00");
		assertThat(statement.allocatedBalance()).isEqualByComparingTo("33050.00");
		assertThat(statement.unallocatedBalance()).isEqualByComparingTo("61950.00");
		// the receivable on A1 as the books carry it, no revaluation having been run: 160,000 ILS at the
		// signature rate 4.00 = 40,000.00 (B1 is conditional)
		assertThat(statement.receivables()).isEqualByComparingTo("40000.00");
		// by window: general purpose 100,000 recognised and 10,000 refunded; special purpose 20,000 of cash
		assertThat(statement.incomeByWindow()).containsExactly(
				new FundStatement.WindowIncome("CPCJF_GENERAL_PURPOSE", new BigDecimal("100000.00"),
						new BigDecimal("-10000.00"), new BigDecimal("0.00")),
				new FundStatement.WindowIncome("CPCJF_SPECIAL_PURPOSE", new BigDecimal("20000.00"), new BigDecimal("0.00"),
						new BigDecimal("0.00")));

		// CSV parsed back: the agreement line, the subtotals and the grand total.
		// For data exchange (?codes=true): codes, and the rate as it was published (5, not 5.00000000).
		var csv = csv("/reports/status-of-contributions.csv?" + PERIOD + "&codes=true");
		var a1 = csv.stream().filter(r -> r.get("agreement").equals("RPT-2017-A1")).findFirst().orElseThrow();
		assertThat(a1.get("outstanding_usd")).isEqualTo("32000.00");
		assertThat(a1.get("period_end_rate")).isEqualTo("5");
		assertThat(a1.get("window")).isEqualTo("CPCJF_GENERAL_PURPOSE");
		assertThat(a1.get("conditional")).isEqualTo("false");
		var grand = csv.stream().filter(r -> r.get("donor_type").equals("total")).findFirst().orElseThrow();
		assertThat(grand.get("agreed_usd")).isEqualTo("150000.00");
		assertThat(grand.get("outstanding_usd")).isEqualTo("62000.00");
		assertThat(csv).anySatisfy(r -> {
			assertThat(r.get("donor_type")).isEqualTo("subtotal FOUNDATION");
			assertThat(r.get("received_in_period_usd")).isEqualTo("20000.00");
		});
		// For readers: headers and values in words, the same figures.
		var read = csv("/reports/status-of-contributions.csv?" + PERIOD);
		var a1Read = read.stream().filter(r -> r.get("Agreement").equals("RPT-2017-A1")).findFirst().orElseThrow();
		assertThat(a1Read.get("Outstanding (USD)")).isEqualTo("32000.00");
		assertThat(a1Read.get("Funding window")).isEqualTo("CPCJF general-purpose");
		assertThat(a1Read.get("Donor type")).isEqualTo("Member State");
		assertThat(a1Read.get("Conditional")).isEqualTo("No");
		assertThat(read).anySatisfy(r -> assertThat(r.get("Donor type")).isEqualTo("Subtotal: Foundation"));
		assertThat(read).anySatisfy(r -> assertThat(r.get("Donor type")).isEqualTo("Grand total"));
		// XLSX: typed numbers, the grand total on the last row.
		try (var workbook = xlsx("/reports/status-of-contributions.xlsx?" + PERIOD)) {
			var sheet = workbook.getSheetAt(0);
			Row last = sheet.getRow(sheet.getLastRowNum());
			assertThat(last.getCell(0).getStringCellValue()).isEqualTo("Grand total");
			assertThat(last.getCell(8).getNumericCellValue()).isEqualTo(150000.00);
			assertThat(last.getCell(15).getNumericCellValue()).isEqualTo(62000.00);
		}
		// The page shows the same grand total as the files.
		var page = mvc.perform(get("/reports/status-of-contributions?" + PERIOD).with(user("d").roles("DONOR_RELATIONS")))
			.andReturn().getResponse().getContentAsString();
		var grandRow = page.substring(page.indexOf("id=\"grand-total\""), page.indexOf("</tr>", page.indexOf("id=\"grand-total\"")));
		assertThat(grandRow).contains(">150,000.00<", ">80,000.00<", ">62,000.00<", ">10,000.00<");
		// In French the page groups the same figures the French way: no-break spaces and a decimal comma.
		var french = mvc
			.perform(get("/reports/status-of-contributions?" + PERIOD + "&lang=fr").with(user("d").roles("DONOR_RELATIONS")))
			.andReturn().getResponse().getContentAsString();
		var frenchRow = french.substring(french.indexOf("id=\"grand-total\""),
				french.indexOf("</tr>", french.indexOf("id=\"grand-total\"")));
		assertThat(frenchRow).doesNotContain("150,000.00", "150 000,00");
		assertThat(frenchRow.replaceAll("\u202f|\u00a0|&#8239;|&nbsp;", " ")).contains(">150 000,00<", ">62 000,00<");
		assertThat(pdf("/reports/status-of-contributions.pdf?" + PERIOD)).contains("Status of contributions",
				"RPT-2017-A1", "Grand total", "62,000.00", "Page 1");
	}

	@Test
	void theDonorStatementListsTheAccountWithItsRatesAndWhatTheMoneyFunded() throws Exception {
		var page = mvc.perform(get("/reports/donor-statement?" + PERIOD + "&donorId=" + israel)
			.with(user("d").roles("DONOR_RELATIONS"))).andExpect(status().isOk()).andReturn().getResponse()
			.getContentAsString();
		assertThat(page).contains("Report Test State", "RPT-P17", "60,000.00", "32,000.00");
		mvc.perform(get("/api/v1/reports/donor-statement?" + PERIOD + "&donorId=" + israel)
			.with(user("d").roles("DONOR_RELATIONS")))
			.andExpect(jsonPath("$.receivedUsd").value(60000.00))
			.andExpect(jsonPath("$.refundedUsd").value(10000.00))
			.andExpect(jsonPath("$.outstandingUsd").value(32000.00))
			// The first instalment is paid; 240,000 - 200,000 = 40,000 went to the second: 160,000.00 left
			.andExpect(jsonPath("$.instalments[0].amount").value(0.00))
			.andExpect(jsonPath("$.instalments[1].amount").value(160000.00))
			.andExpect(jsonPath("$.receipts[0].rate").value(4.00))
			.andExpect(jsonPath("$.funded[0].project").value("RPT-P17"))
			.andExpect(jsonPath("$.funded[0].allocatedUsd").value(50000.00))
			.andExpect(jsonPath("$.funded[0].activities").value(2))
			.andExpect(jsonPath("$.funded[0].participants").value(25));

		// On paper, a letter to the donor: the Fund's heading, the donor, the subject, a box of totals, the tables.
		var text = pdf("/reports/donor-statement.pdf?" + PERIOD + "&donorId=" + israel);
		assertThat(text).contains("United Nations Crime Prevention and Criminal Justice Fund", "Report Test State",
				"Statement of account for the period 1 Jan 2017 to 31 Dec 2017", "Outstanding at 31 Dec 2017 (USD)",
				"Receipts", "240,000.00", "60,000.00", "Refunds", "-10,000.00", "What the contributions funded",
				"RPT-P17", "Page 1 of", "by d");
		assertThat(text).doesNotContain("4.00000000", "2017-01-01");
		try (var workbook = xlsx("/reports/donor-statement.xlsx?" + PERIOD + "&donorId=" + israel)) {
			var receipts = java.util.stream.StreamSupport.stream(workbook.getSheetAt(0).spliterator(), false)
				.filter(row -> row.getCell(0) != null && row.getCell(0).getStringCellValue().equals("Receipts"))
				.toList();
			assertThat(receipts).hasSize(1);
			assertThat(receipts.get(0).getCell(4).getNumericCellValue()).isEqualTo(240000.00);
			assertThat(receipts.get(0).getCell(8).getNumericCellValue()).isEqualTo(60000.00);
		}
		var csv = csv("/reports/donor-statement.csv?" + PERIOD + "&donorId=" + israel);
		assertThat(csv).anySatisfy(r -> {
			assertThat(r.get("Section")).isEqualTo("Refunds");
			assertThat(r.get("USD")).isEqualTo("-10000.00");
			assertThat(r.get("Rate (per USD)")).isEqualTo("4");
		});
	}

	@Test
	void theProjectReportComparesBudgetWithSpendingAndPscAndGivesTheBalanceAndBurnRate() throws Exception {
		mvc.perform(get("/api/v1/reports/project-report?" + PERIOD + "&projectId=" + project)
			.with(user("project.manager").roles("PROJECT_MANAGER")))
			.andExpect(status().isOk())
			// travel: 20,000 budget - 10,000 - 1,300 PSC = 8,700 remaining
			.andExpect(jsonPath("$.rows[0].category").value("TRAVEL"))
			.andExpect(jsonPath("$.rows[0].remainingBudgetUsd").value(8700.00))
			// workshops: 30,000 - 5,000 - 650 = 24,350
			.andExpect(jsonPath("$.rows[1].remainingBudgetUsd").value(24350.00))
			// the year: 50,000 budget and allocated, 15,000 spent, 1,950 PSC
			.andExpect(jsonPath("$.rows[2].allocatedUsd").value(50000.00))
			.andExpect(jsonPath("$.rows[2].pscUsd").value(1950.00))
			// balance 50,000 - 15,000 - 1,950 = 33,050; burn 16,950 / 12 months = 1,412.50; 33.9% consumed
			.andExpect(jsonPath("$.balanceUsd").value(33050.00))
			.andExpect(jsonPath("$.burnPerMonthUsd").value(1412.50))
			.andExpect(jsonPath("$.consumedPercent").value(33.9));
		// The file is named after the project, not its id.
		mvc.perform(get("/reports/project-report.pdf?" + PERIOD + "&projectId=" + project).with(user("d").roles("FINANCE")))
			.andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.header()
				.string("Content-Disposition", org.hamcrest.Matchers.containsString("tafund-project-report-RPT-P17-")));
		try (var workbook = xlsx("/reports/project-report.xlsx?" + PERIOD + "&projectId=" + project)) {
			// Title and period above the header (row 3): the year's total is the third line of figures.
			var year = workbook.getSheetAt(0).getRow(6);
			assertThat(year.getCell(0).getNumericCellValue()).isEqualTo(2017);
			assertThat(year.getCell(1).getStringCellValue()).isEqualTo("Year total");
			assertThat(year.getCell(6).getNumericCellValue()).isEqualTo(33050.00);
		}
		var projectCsv = csv("/reports/project-report.csv?" + PERIOD + "&projectId=" + project + "&codes=true");
		assertThat(projectCsv.get(0).get("category")).isEqualTo("TRAVEL");
		assertThat(projectCsv.get(0).get("psc_usd")).isEqualTo("1300.00");
		assertThat(pdf("/reports/project-report.pdf?" + PERIOD + "&projectId=" + project)).contains(
				"Project financial report: RPT-P17", "balance 33,050.00", "burn rate 1,412.50 a month", "Travel",
				"Year total", "24,350.00", "Page 1 of");
		// Another manager's project, and a donor officer, are refused.
		mvc.perform(get("/reports/project-report?projectId=" + project).with(user("other.manager").roles("PROJECT_MANAGER")))
			.andExpect(status().isForbidden());
		mvc.perform(get("/api/v1/reports/project-report?projectId=" + project)
			.with(user("other.manager").roles("PROJECT_MANAGER"))).andExpect(status().isForbidden());
		mvc.perform(get("/reports/project-report.csv?projectId=" + project)
			.with(user("other.manager").roles("PROJECT_MANAGER"))).andExpect(status().isForbidden());
		mvc.perform(get("/reports/project-report?projectId=" + project).with(user("d").roles("DONOR_RELATIONS")))
			.andExpect(status().isForbidden());
	}

	@Test
	void theReportOnImplementationCountsWhatTheFundDidAndWritesTheParagraph() throws Exception {
		mvc.perform(get("/api/v1/reports/implementation?" + PERIOD).with(user("d").roles("DONOR_RELATIONS")))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.receivedUsd").value(80000.00))
			.andExpect(jsonPath("$.donors").value(2))
			.andExpect(jsonPath("$.byDonorType[?(@.label=='MEMBER_STATE')].value").value(60000.00))
			.andExpect(jsonPath("$.byWindow[?(@.label=='CPCJF_SPECIAL_PURPOSE')].value").value(20000.00))
			.andExpect(jsonPath("$.projects").value(1))
			.andExpect(jsonPath("$.projectsByInstrument[0].label").value("UNTOC"))
			.andExpect(jsonPath("$.countries").value(2))
			.andExpect(jsonPath("$.leastDeveloped").value(1))
			.andExpect(jsonPath("$.countriesByClassification[?(@.label=='TRANSITION')].value").value(1))
			.andExpect(jsonPath("$.countriesByRegion[?(@.label=='Asia')].value").value(1))
			.andExpect(jsonPath("$.activities").value(2))
			.andExpect(jsonPath("$.participants").value(25))
			.andExpect(jsonPath("$.participantsBySex[0].value").value(15))
			.andExpect(jsonPath("$.participantsByInstitution[?(@.label=='ministry')].value").value(5));
		// A filter narrows it: Europe alone is Moldova, with its one activity and 5 participants.
		mvc.perform(get("/api/v1/reports/implementation?" + PERIOD + "&region=Europe")
			.with(user("d").roles("DONOR_RELATIONS")))
			.andExpect(jsonPath("$.activities").value(1))
			.andExpect(jsonPath("$.participants").value(5))
			.andExpect(jsonPath("$.countries").value(1))
			.andExpect(jsonPath("$.countriesByRegion[?(@.label=='Asia')]").isEmpty())
			.andExpect(jsonPath("$.projects").value(1));
		mvc.perform(get("/api/v1/reports/implementation?" + PERIOD + "&classification=DEVELOPED")
			.with(user("d").roles("DONOR_RELATIONS")))
			.andExpect(jsonPath("$.projects").value(0))
			.andExpect(jsonPath("$.participants").value(0));

		var page = mvc.perform(get("/reports/implementation?" + PERIOD).with(user("d").roles("DONOR_RELATIONS")))
			.andReturn().getResponse().getContentAsString();
		assertThat(page).contains("Between 1 Jan 2017 and 31 Dec 2017, the United Nations Crime Prevention and Criminal "
				+ "Justice Fund received contributions of USD 80,000.00 from 2 donors. It supported 1 technical "
				+ "assistance projects benefiting 2 countries, 1 of them least developed countries, which delivered 2 "
				+ "activities for 25 participants (15 women and 10 men).");
		assertThat(page).contains("class=\"bar-chart");
		try (var workbook = xlsx("/reports/implementation.xlsx?" + PERIOD)) {
			var total = java.util.stream.StreamSupport.stream(workbook.getSheetAt(0).spliterator(), false)
				.filter(row -> row.getCell(0) != null && row.getCell(0).getStringCellValue().equals("Contributions received (USD)"))
				.findFirst()
				.orElseThrow();
			assertThat(total.getCell(2).getNumericCellValue()).isEqualTo(80000.00);
		}
		// On paper: the summary paragraph, then the charts with their figures.
		assertThat(pdf("/reports/implementation.pdf?" + PERIOD)).contains("Report on implementation",
				"Between 1 Jan 2017 and 31 Dec 2017, the United Nations Crime Prevention",
				"Participants by institution", "Central authority", "80,000.00", "Page 1 of");
		var csv = csv("/reports/implementation.csv?" + PERIOD);
		assertThat(csv).anySatisfy(r -> {
			assertThat(r.get("Section")).isEqualTo("Participants");
			assertThat(r.get("Item")).isEqualTo("Total");
			assertThat(r.get("Value")).isEqualTo("25");
		});
		assertThat(csv("/reports/implementation.csv?" + PERIOD + "&codes=true")).anySatisfy(r -> {
			assertThat(r.get("section")).isEqualTo("bySex");
			assertThat(r.get("item")).isEqualTo("women");
			assertThat(r.get("value")).isEqualTo("15");
		});
	}

	@Test
	void theLedgerNarrowsToADonorAProjectOrTheLinesBehindAFundStatementFigure() throws Exception {
		// Israel's lines: A1 signed (receivable and revenue 100,000), 60,000 received against the
		// receivable, 10,000 refunded: six lines
		mvc.perform(get("/api/v1/reports/ledger?" + PERIOD + "&donorId=" + israel).with(user("f").roles("FINANCE")))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.totals.REV_GENERAL").value(100000.00))
			.andExpect(jsonPath("$.totals.RECEIVABLE").value(40000.00))
			.andExpect(jsonPath("$.totals.CASH").value(50000.00))
			.andExpect(jsonPath("$.totals.REFUNDS").value(-10000.00))
			.andExpect(jsonPath("$.totals.EXP_TRAVEL").doesNotExist())
			.andExpect(jsonPath("$.lines.length()").value(6));
		// The project's lines: 10,000 of travel and 5,000 of workshops, their PSC charged and moved to the
		// PSC segment
		mvc.perform(get("/api/v1/reports/ledger?" + PERIOD + "&projectId=" + project).with(user("f").roles("FINANCE")))
			.andExpect(jsonPath("$.totals.EXP_TRAVEL").value(-10000.00))
			.andExpect(jsonPath("$.totals.EXP_WORKSHOPS_AND_TRAINING").value(-5000.00))
			.andExpect(jsonPath("$.totals.PSC_EXPENSE").value(-1950.00))
			.andExpect(jsonPath("$.totals.PSC_INCOME").value(1950.00))
			.andExpect(jsonPath("$.totals.CASH").value(-15000.00))
			.andExpect(jsonPath("$.totals.REV_GENERAL").doesNotExist());
		// The fund statement's contributions line opens the ledger on exactly its lines: 100,000 + 20,000.
		var page = mvc.perform(get("/reports/fund-statement?" + PERIOD).with(user("f").roles("FINANCE")))
			.andReturn().getResponse().getContentAsString();
		assertThat(page).contains("/reports/ledger?from=2017-01-01&amp;to=2017-12-31&amp;type=contributions");
		var revenue = csv("/reports/ledger.csv?" + PERIOD + "&type=contributions&codes=true");
		assertThat(revenue).extracting(r -> r.get("agreement")).containsExactlyInAnyOrder("RPT-2017-A1", "RPT-2017-B1");
		assertThat(revenue.stream().map(r -> new BigDecimal(r.get("usd"))).reduce(BigDecimal.ZERO, BigDecimal::add))
			.isEqualByComparingTo("120000.00");
	}

	@Test
	void aPeriodThatEndsBeforeItStartsIsABadRequestThatSaysSo() throws Exception {
		mvc.perform(get("/api/v1/reports/implementation?from=2020-01-01&to=2019-01-01").with(user("f").roles("FINANCE")))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.detail").value("The period ends before it starts."));
		// A period given by its end alone is that end's calendar year.
		mvc.perform(get("/api/v1/reports/implementation?to=2017-12-31").with(user("f").roles("FINANCE")))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.filter.from").value("2017-01-01"))
			.andExpect(jsonPath("$.receivedUsd").value(80000.00));
	}

	private static BigDecimal line(FundStatement.Statement statement, String key) {
		return statement.movements().stream().filter(l -> l.key().equals(key)).findFirst().orElseThrow().usd();
	}

	private byte[] download(String path) throws Exception {
		return mvc.perform(get(path).with(user("d").roles("FINANCE")))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsByteArray();
	}

	private List<CSVRecord> csv(String path) throws Exception {
		var text = new String(download(path), StandardCharsets.UTF_8).substring(1);
		return CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get().parse(new StringReader(text))
			.getRecords();
	}

	private XSSFWorkbook xlsx(String path) throws Exception {
		return new XSSFWorkbook(new ByteArrayInputStream(download(path)));
	}

	private String pdf(String path) throws Exception {
		var reader = new PdfReader(download(path));
		var text = new StringBuilder();
		for (int page = 1; page <= reader.getNumberOfPages(); page++) {
			text.append(new PdfTextExtractor(reader).getTextFromPage(page)).append('\n');
		}
		// Words wrap inside table cells: compare text with its line breaks as spaces.
		return text.toString().replaceAll("\\s+", " ");
	}

}
