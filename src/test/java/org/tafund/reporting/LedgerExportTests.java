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
 * A worked example in 2019, on a database of its own (revaluation takes every open receivable): the ledger's lines and totals, and each
 * export parsed back and compared with them.
 */
@IntegrationTest
@OwnDatabase
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class LedgerExportTests {

	static final String FROM = "2019-01-01";

	static final String TO = "2019-12-31";

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
	Ledger ledger;

	@Autowired
	MockMvc mvc;

	@Autowired
	java.time.Clock clock;

	@BeforeAll
	void workedExample() {
		rates.record("ZAR", LocalDate.parse("2019-01-01"), new BigDecimal("14.00"));
		rates.record("ZAR", LocalDate.parse("2019-12-01"), new BigDecimal("16.00"));
		// A donor name that a spreadsheet would take for a formula.
		long donor = donors.register(new DonorDetails("=HYPERLINK(\"http://x\")", DonorType.MEMBER_STATE, "ZAF", null,
				"10", null, true, List.of())).id();
		// 140,000.00 ZAR at 14.00 = 10,000.00 USD recognised
		var agreement = contributions.createAgreement(new AgreementTerms("ZAF-2019-L", donor, "ZAR",
				new BigDecimal("140000.00"), FundingWindow.CPCJF_GENERAL_PURPOSE, null, 1, null, null, null, null, false,
				null, null, LocalDate.parse("2019-02-01"),
				List.of(new ScheduleLine(LocalDate.parse("2019-06-30"), new BigDecimal("140000.00")))));
		// 70,000.00 ZAR = 5,000.00 USD, reversed today (a reversal is dated the day it is made);
		// 35,000.00 ZAR = 2,500.00 USD
		var wrong = contributions.recordReceipt(agreement.id(), new ReceiptCommand(LocalDate.parse("2019-03-01"),
				new BigDecimal("70000.00"), "ZAR", "SWIFT-1", null, false));
		contributions.reverseReceipt(wrong.id(), "Booked on the wrong agreement");
		contributions.recordReceipt(agreement.id(), new ReceiptCommand(LocalDate.parse("2019-03-02"),
				new BigDecimal("35000.00"), "ZAR", "=HYPERLINK(\"http://x\")", null, false));
		// refund 14,000.00 ZAR = 1,000.00 USD
		contributions.refund(agreement.id(), LocalDate.parse("2019-04-01"), new BigDecimal("14000.00"), "Unspent");
		try (var signedIn = SignedIn.as("finance.officer", Role.FINANCE)) {
			var project = projects.createProject(new ProjectDetails("ZAF-P-2019", "Ledger project", null, Codes.Theme.MLA,
					Set.of(), Set.of("ZAF"), reference.implementingEntity("UNODC-ROSAF").orElseThrow().id(),
					Set.of("project.manager"), null, null, null, null, 2, "15130", null, Set.of(), List.of()));
			projects.allocate(agreement.id(), project.id(), new BigDecimal("3000.00"), LocalDate.parse("2019-05-01"));
			// 1,000.00 USD spent, PSC 130.00
			projects.spend(project.id(), null, LocalDate.parse("2019-06-01"), Codes.BudgetCategory.TRAVEL,
					new BigDecimal("1000.00"), "USD", "PO-1", null);
		}
		// a conditional agreement: 28,000.00 ZAR signed, revenue only as cash arrives (14,000.00 ZAR = 1,000.00 USD)
		var conditional = contributions.createAgreement(new AgreementTerms("ZAF-2019-C", donor, "ZAR",
				new BigDecimal("28000.00"), FundingWindow.CPCJF_SPECIAL_PURPOSE, null, 1, null, null, null, null, true,
				null, null, LocalDate.parse("2019-07-01"),
				List.of(new ScheduleLine(LocalDate.parse("2019-09-30"), new BigDecimal("28000.00")))));
		contributions.recordReceipt(conditional.id(), new ReceiptCommand(LocalDate.parse("2019-08-01"),
				new BigDecimal("14000.00"), "ZAR", "SWIFT-C", null, false));
		// received by the period end: 105,000.00 (the reversal comes later), so 35,000.00 ZAR is outstanding:
		// 2,500.00 USD at recognition, 35,000 / 16.00 = 2,187.50 at the period end: loss 312.50
		contributions.revalue(LocalDate.parse("2019-12-31"));
	}

	@Test
	void listsEveryJournalLineWithWhatItDoesToTheFund() {
		var totals = ledger.totals(LocalDate.parse(FROM), LocalDate.parse(TO));
		// cash: 5,000 + 2,500 - 1,000 refunded - 1,000 spent - 130 PSC + 130 into the PSC segment + 1,000
		// (the conditional agreement's receipt) = 6,500; the receivable: 10,000 - 5,000 - 2,500 = 2,500,
		// and its revaluation -312.50
		assertThat(totals).containsEntry("CASH", new BigDecimal("6500.00"))
			.containsEntry("RECEIVABLE", new BigDecimal("2500.00"))
			.containsEntry("RECEIVABLE_FX", new BigDecimal("-312.50"))
			.containsEntry("REV_GENERAL", new BigDecimal("10000.00"))
			.containsEntry("REV_SPECIAL", new BigDecimal("1000.00"))
			.containsEntry("REFUNDS", new BigDecimal("-1000.00"))
			.containsEntry("FX_UNREALISED", new BigDecimal("-312.50"))
			.containsEntry("EXP_TRAVEL", new BigDecimal("-1000.00"))
			.containsEntry("PSC_EXPENSE", new BigDecimal("-130.00"))
			.containsEntry("PSC_INCOME", new BigDecimal("130.00"))
			.hasSize(10);
		// The totals add whole months from the journal's monthly totals and the days around them from the
		// lines; for ranges cut inside months, with and without a window or an account, they are the lines' own sums.
		int compared = 0;
		for (var range : List.of(List.of("2019-03-02", "2019-08-01"), List.of("2019-02-15", "2019-07-31"),
				List.of("2019-03-02", "2019-03-30"), List.of("2019-01-01", "2019-12-31"))) {
			for (var window : java.util.Arrays.asList(null, "CPCJF_SPECIAL_PURPOSE")) {
				for (var type : java.util.Arrays.asList(null, "CASH")) {
					var filter = new ReportFilter(LocalDate.parse(range.get(0)), LocalDate.parse(range.get(1)), window, null,
							null, null, null, null, null, null);
					var fromLines = new java.util.TreeMap<String, BigDecimal>();
					var lines = new java.util.ArrayList<LedgerLine>();
					ledger.stream(filter, type, lines::add);
					lines.forEach(line -> fromLines.merge(line.account(), line.usd(), BigDecimal::add));
					assertThat(ledger.totals(filter, type)).as("%s %s %s", range, window, type).isEqualTo(fromLines);
					compared += fromLines.isEmpty() ? 0 : 1;
				}
			}
		}
		// Sixteen comparisons; the special-purpose window has no line before August in the second and third ranges.
		assertThat(compared).as("comparisons with lines").isEqualTo(12);
		// 2 lines each for the signature, the three receipts, the refund and the revaluation; 6 for the
		// expenditure with its PSC
		assertThat(ledger.first(LocalDate.parse(FROM), LocalDate.parse(TO), 1000)).hasSize(18);
		var today = LocalDate.now(clock);
		assertThat(ledger.first(today, today, 10000)).filteredOn(line -> "ZAF-2019-L".equals(line.agreement()))
			.extracting(line -> line.source() + " " + line.account() + " " + line.usd())
			.containsExactlyInAnyOrder("RECEIPT_REVERSAL CASH -5000.00", "RECEIPT_REVERSAL RECEIVABLE 5000.00");
	}

	@Test
	void theCsvParsesBackToTheSameLinesNeutralisesFormulasAndKeepsNumbersNumbers() throws Exception {
		var bytes = export("csv", "codes", "true");
		var text = new String(bytes, StandardCharsets.UTF_8);
		assertThat(text).startsWith("\uFEFFdate,entry,source,account,segment,debit,credit,usd,");
		var records = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get()
			.parse(new StringReader(text.substring(1)))
			.getRecords();
		assertThat(records).hasSize(ledger.first(LocalDate.parse(FROM), LocalDate.parse(TO), 1000).size());
		var usd = records.stream().map(r -> new BigDecimal(r.get("usd"))).reduce(BigDecimal.ZERO, BigDecimal::add);
		assertThat(usd).isEqualByComparingTo(sum());
		var debits = records.stream().map(r -> new BigDecimal(r.get("debit"))).reduce(BigDecimal.ZERO, BigDecimal::add);
		var credits = records.stream().map(r -> new BigDecimal(r.get("credit"))).reduce(BigDecimal.ZERO, BigDecimal::add);
		assertThat(debits).isEqualByComparingTo(credits);
		assertThat(records).anySatisfy(r -> assertThat(r.get("donor")).isEqualTo("'=HYPERLINK(\"http://x\")"));
		assertThat(records).anySatisfy(r -> {
			assertThat(r.get("account")).isEqualTo("REFUNDS");
			assertThat(r.get("usd")).isEqualTo("-1000.00");
		});
		// The original amount at the currency's precision and the rate as published, not the columns' scale.
		assertThat(records).anySatisfy(r -> {
			assertThat(r.get("amount")).isEqualTo("140000.00");
			assertThat(r.get("rate")).isEqualTo("14");
		});

		// For a reader: the same lines with headers, events, accounts, segments and windows in words, in French too.
		var french = new String(export("csv", "lang", "fr"), StandardCharsets.UTF_8);
		var read = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get()
			.parse(new StringReader(french.substring(1)))
			.getRecords();
		assertThat(read).hasSameSizeAs(records);
		assertThat(read).anySatisfy(r -> {
			assertThat(r.get("Compte")).isEqualTo("Remboursements aux donateurs");
			assertThat(r.get("USD")).isEqualTo("-1000.00");
			assertThat(r.get("Événement")).isEqualTo("Remboursement");
		});
		assertThat(french).doesNotContain("REFUNDS", "CPCJF_GENERAL_PURPOSE", "RECEIPT");
	}

	@Test
	void theXlsxHasTypedCellsAFrozenHeaderAndATotalThatMatches() throws Exception {
		try (var workbook = new XSSFWorkbook(new ByteArrayInputStream(export("xlsx")))) {
			var sheet = workbook.getSheetAt(0);
			assertThat(sheet.getPaneInformation().isFreezePane()).isTrue();
			var lines = ledger.first(LocalDate.parse(FROM), LocalDate.parse(TO), 1000).size();
			// The title and the period above the header on row 3.
			assertThat(sheet.getRow(0).getCell(0).getStringCellValue())
				.isEqualTo("Ledger of the United Nations Crime Prevention and Criminal Justice Fund");
			assertThat(sheet.getRow(1).getCell(0).getStringCellValue()).isEqualTo("Period 1 Jan 2019 to 31 Dec 2019");
			assertThat(sheet.getRow(3).getCell(0).getStringCellValue()).isEqualTo("Date");
			var first = sheet.getRow(4);
			assertThat(first.getCell(0).getLocalDateTimeCellValue().toLocalDate()).isEqualTo(LocalDate.parse("2019-02-01"));
			assertThat(first.getCell(7).getNumericCellValue()).isEqualTo(10000.0);
			var totals = sheet.getRow(lines + 4);
			assertThat(totals.getCell(0).getStringCellValue()).isEqualTo("Total");
			assertThat(BigDecimal.valueOf(totals.getCell(7).getNumericCellValue())).isEqualByComparingTo(sum());
		}
	}

	@Test
	void thePdfShowsTheLinesAndTheTotalWithPageNumbers() throws Exception {
		var reader = new PdfReader(export("pdf"));
		var text = new PdfTextExtractor(reader).getTextFromPage(1).replaceAll("\\s+", " ");
		assertThat(text).contains("Ledger of the United Nations Crime Prevention and Criminal Justice Fund")
			.contains("ZAF-2019-L")
			.contains("Total")
			.contains(Exports.grouped(sum()))
			.contains("Page 1 of " + reader.getNumberOfPages());
	}

	@Test
	void theFundStatementFollowsTheWorkedExampleAndReconcilesWithTheLedgerToTheCent() {
		var statement = statements.of(LocalDate.parse(FROM), LocalDate.parse(TO));
		// contributions: the unconditional agreement at signature (10,000.00) + the conditional one's cash
		// (1,000.00); the PSC charged to the project is the income of the PSC segment
		assertThat(statement.movements()).containsExactly(new FundStatement.Line("contributions", new BigDecimal("11000.00")),
				new FundStatement.Line("refunds", new BigDecimal("-1000.00")),
				new FundStatement.Line("exchange", new BigDecimal("-312.50")),
				new FundStatement.Line("otherIncome", new BigDecimal("0.00")),
				new FundStatement.Line("expenditure", new BigDecimal("-1000.00")),
				new FundStatement.Line("psc", new BigDecimal("-130.00")),
				new FundStatement.Line("pscIncome", new BigDecimal("130.00")),
				new FundStatement.Line("adjustments", new BigDecimal("0.00")));
		assertThat(statement.closing().subtract(statement.opening())).isEqualByComparingTo("8687.50");
		assertThat(statement.cashReceived()).isEqualByComparingTo("8500.00");
		// the receivable as the books carry it after the year-end revaluation: 35,000 / 16.00
		assertThat(statement.receivables()).isEqualByComparingTo("2187.50");

		// every statement figure is the sum of its ledger lines of the same period
		var fromLedger = new java.util.HashMap<String, BigDecimal>();
		ledger.stream(LocalDate.parse(FROM), LocalDate.parse(TO), line -> {
			var movement = Movement.of(org.tafund.books.Account.valueOf(line.account()));
			if (movement != null) {
				fromLedger.merge(movement.key(), line.usd(), BigDecimal::add);
			}
		});
		statement.movements().forEach(l -> assertThat(fromLedger.getOrDefault(l.key(), BigDecimal.ZERO))
			.as(l.key()).isEqualByComparingTo(l.usd()));

		// the closing balance of one period is the opening balance of the next
		var next = statements.of(LocalDate.parse("2020-01-01"), LocalDate.parse("2020-12-31"));
		assertThat(next.opening()).isEqualByComparingTo(statement.closing());
		var halves = statements.of(LocalDate.parse(FROM), LocalDate.parse("2019-06-30"));
		assertThat(statements.of(LocalDate.parse("2019-07-01"), LocalDate.parse(TO)).opening())
			.isEqualByComparingTo(halves.closing());
	}

	@Test
	void theTrialBalanceBalancesAndTheIpsasStatementsExplainTheFundBalanceBySegment() throws Exception {
		var finance = user("finance.officer").roles("FINANCE");
		// general-purpose cash: 5,000 + 2,500 in, 1,000 refunded, 1,000 spent and 130 of PSC out: 5,370.00
		mvc.perform(get("/api/v1/reports/trial-balance").param("from", FROM).param("to", TO).with(finance))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.rows[?(@.account=='CASH' && @.segment=='GENERAL')].closing").value("5370.00"))
			.andExpect(jsonPath("$.rows[?(@.account=='CASH' && @.segment=='PSC')].closing").value("130.00"))
			.andExpect(jsonPath("$.rows[?(@.account=='RECEIVABLE_FX')].closing").value("-312.50"))
			.andExpect(jsonPath("$.totals.debits").value(org.hamcrest.Matchers.equalTo(
					com.jayway.jsonpath.JsonPath.read(mvc.perform(get("/api/v1/reports/trial-balance").param("from", FROM)
						.param("to", TO).with(finance)).andReturn().getResponse().getContentAsString(), "$.totals.credits"))))
			.andExpect(jsonPath("$.totals.closing").value("0.00"));
		var csv = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get()
			.parse(new StringReader(mvc.perform(get("/reports/trial-balance.csv").param("from", FROM).param("to", TO)
				.param("codes", "true")
				.with(finance)).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8).substring(1)))
			.getRecords();
		assertThat(csv).anySatisfy(r -> {
			assertThat(r.get("code")).isEqualTo("RECEIVABLE");
			assertThat(r.get("closing")).isEqualTo("2500.00");
		});
		// Financial position at the year end: cash 6,500.00 (5,370 + 1,000 + 130) and receivables 2,187.50
		// (35,000 ZAR at 16.00) = 8,687.50 of net assets, the fund statement's closing balance; the
		// general-purpose segment holds 10,000 - 1,000 - 312.50 - 1,000 - 130 = 7,557.50 of it.
		mvc.perform(get("/api/v1/reports/financial-statements").param("from", FROM).param("to", TO).with(finance))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.position[?(@.line=='totalAssets')].total").value(8687.50))
			.andExpect(jsonPath("$.position[?(@.line=='totalNetAssets')].total").value(8687.50))
			.andExpect(jsonPath("$.position[?(@.line=='totalNetAssets')].general").value(7557.50))
			.andExpect(jsonPath("$.position[?(@.line=='totalNetAssets')].psc").value(130.00))
			.andExpect(jsonPath("$.position[?(@.line=='CASH')].special").value(1000.00))
			.andExpect(jsonPath("$.performance[?(@.line=='totalRevenue')].total").value(10130.00))
			.andExpect(jsonPath("$.performance[?(@.line=='totalExpenses')].total").value(1130.00))
			.andExpect(jsonPath("$.performance[?(@.line=='surplus')].total").value(8687.50));
		var pdf = new PdfTextExtractor(new PdfReader(mvc.perform(get("/reports/financial-statements.pdf")
			.param("from", FROM).param("to", TO).with(finance)).andReturn().getResponse().getContentAsByteArray()))
			.getTextFromPage(1);
		assertThat(pdf).contains("Statement of financial position", "Total net assets", "8,687.50");
		mvc.perform(get("/reports/financial-statements").param("from", FROM).param("to", TO).with(finance))
			.andExpect(status().isOk())
			.andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.content()
				.string(org.hamcrest.Matchers.containsString("Accumulated surplus (fund balance)")));
		mvc.perform(get("/reports/trial-balance").param("from", FROM).param("to", TO).with(finance))
			.andExpect(status().isOk())
			.andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.content()
				.string(org.hamcrest.Matchers.containsString("/reports/trial-balance.xlsx?from=2019-01-01&amp;to=2019-12-31")));
	}

	@Autowired
	FundStatement statements;

	@Test
	void onlyFinanceAdminAndAuditorsSeeTheLedger() throws Exception {
		mvc.perform(get("/reports/ledger.csv").with(user("donor.officer").roles("DONOR_RELATIONS")))
			.andExpect(status().isForbidden());
		mvc.perform(get("/reports/ledger").param("from", FROM).param("to", TO).with(user("auditor").roles("AUDITOR")))
			.andExpect(status().isOk());
	}

	private BigDecimal sum() {
		return ledger.totals(LocalDate.parse(FROM), LocalDate.parse(TO))
			.values()
			.stream()
			.reduce(BigDecimal.ZERO, BigDecimal::add);
	}

	private byte[] export(String format, String... parameter) throws Exception {
		var request = get("/reports/ledger." + format).param("from", FROM).param("to", TO);
		for (int i = 0; i + 1 < parameter.length; i += 2) {
			request.param(parameter[i], parameter[i + 1]);
		}
		return mvc.perform(request.with(user("finance.officer").roles("FINANCE")))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsByteArray();
	}

}
