package org.tafund.fx;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.StringReader;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.data.domain.PageRequest;
import org.tafund.support.TestSession;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.tafund.shared.BusinessRuleViolation;
import org.tafund.shared.Money;
import org.tafund.support.IntegrationTest;
import org.tafund.support.OwnDatabase;

@IntegrationTest
@OwnDatabase
class ExchangeRateTests {

	@Autowired
	ExchangeRateManagement rates;

	@Autowired
	MockMvc mvc;

	@Autowired
	MessageSource messages;

	@Test
	void booksATransactionAtTheLatestRateOnOrBeforeItsDate() {
		rates.record("EUR", LocalDate.parse("2026-01-01"), new BigDecimal("0.92"));
		rates.record("EUR", LocalDate.parse("2026-01-15"), new BigDecimal("0.90"));
		rates.record("eur", LocalDate.parse("2026-02-01"), new BigDecimal("0.95"));

		assertThat(rates.rateOn("EUR", LocalDate.parse("2026-01-14")).unitsPerUsd()).isEqualByComparingTo("0.92");
		assertThat(rates.rateOn("EUR", LocalDate.parse("2026-01-15")).unitsPerUsd()).isEqualByComparingTo("0.90");
		var march = rates.rateOn("EUR", LocalDate.parse("2026-03-10"));
		assertThat(march.effectiveDate()).isEqualTo(LocalDate.parse("2026-02-01"));
		// 1,000.00 EUR at 0.95 EUR per USD = 1,052.631... -> 1,052.63 USD
		assertThat(march.toUsd(Money.of("1000.00", "EUR"))).isEqualTo(Money.usd("1052.63"));
		assertThat(rates.rateOn("USD", LocalDate.parse("2020-01-01")).unitsPerUsd()).isEqualByComparingTo("1");
	}

	@Test
	void refusesATransactionWithoutARateNamingTheCurrencyAndDate() {
		rates.record("ISK", LocalDate.parse("2026-02-01"), new BigDecimal("138.5"));
		assertThatThrownBy(() -> rates.rateOn("ISK", LocalDate.parse("2026-01-31")))
			.isInstanceOf(MissingExchangeRate.class)
			.satisfies(e -> assertThat(((BusinessRuleViolation) e).arguments()).containsExactly("ISK", LocalDate.parse("2026-01-31")));
		assertThat(code(() -> rates.record("ISK", LocalDate.parse("2026-02-01"), new BigDecimal("0.8"))))
			.isEqualTo("fx.duplicate");
		assertThat(code(() -> rates.record("ISK", LocalDate.parse("2026-03-01"), new BigDecimal("-1"))))
			.isEqualTo("fx.rate.positive");
		assertThat(code(() -> rates.record("ZZZ", LocalDate.parse("2026-03-01"), BigDecimal.TEN)))
			.isEqualTo("money.currency.unknown");
		assertThat(code(() -> rates.record("ISK", null, BigDecimal.TEN))).isEqualTo("fx.date.required");
		assertThat(code(() -> rates.record("USD", LocalDate.parse("2026-03-01"), BigDecimal.ONE)))
			.isEqualTo("fx.usdIsBase");
		assertThat(rates.list("ISK", PageRequest.of(0, 10))).hasSize(1);
	}

	@Autowired
	org.tafund.contributions.ContributionManagement contributions;

	@Autowired
	org.tafund.donors.DonorManagement donors;

	@Autowired
	org.springframework.jdbc.core.JdbcTemplate jdbc;

	@Test
	void aCorrectedRateAppliesFromNowOnWhileWhatWasBookedKeepsItsRate() throws Exception {
		var first = rates.record("THB", LocalDate.parse("2026-03-01"), new BigDecimal("35.5"));
		long donor = donors.register(new org.tafund.donors.DonorDetails("Rate Correction Foundation",
				org.tafund.donors.DonorType.FOUNDATION, null, null, null, null, true, List.of())).id();
		long agreement = contributions.createAgreement(new org.tafund.contributions.AgreementTerms("THB-CORR-1", donor,
				"THB", new BigDecimal("710000"), org.tafund.contributions.FundingWindow.CPCJF_GENERAL_PURPOSE, null, 1,
				null, null, null, null, false, null, null, LocalDate.parse("2026-03-02"),
				List.of(new org.tafund.contributions.ScheduleLine(LocalDate.parse("2026-04-30"), new BigDecimal("710000")))))
			.id();
		try (var signedIn = org.tafund.support.SignedIn.as("finance.officer", org.tafund.security.Role.FINANCE)) {
			contributions.submitReceipt(agreement, new org.tafund.contributions.ReceiptCommand(
					LocalDate.parse("2026-03-05"), new BigDecimal("355000"), "THB", "BANK-1", null, false));
		}

		// Refused: no reason, the same value, a version someone else has moved.
		assertThat(code(() -> rates.submitCorrection(first.id(), first.version(), new BigDecimal("35.05"), " ")))
			.isEqualTo("fx.correction.reason");
		assertThat(code(() -> rates.submitCorrection(first.id(), first.version(), new BigDecimal("35.50"), "Same")))
			.isEqualTo("fx.correction.unchanged");
		assertThat(code(() -> rates.submitCorrection(first.id(), first.version() + 1, new BigDecimal("35.05"), "Typo")))
			.isEqualTo("conflict.concurrentEdit");

		var refused = mvc.perform(post("/exchange-rates/" + first.id() + "/correction")
			.param("version", String.valueOf(first.version()))
			.param("unitsPerUsd", "35.05")
			.param("reason", "The Treasury table was misread: 35.05, not 35.50.")
			.with(user("donor.officer").roles("DONOR_RELATIONS"))
			.with(csrf()));
		refused.andExpect(status().isForbidden());
		mvc.perform(get("/exchange-rates/" + first.id() + "/correction").with(user("donor.officer").roles("DONOR_RELATIONS")))
			.andExpect(status().isForbidden());

		mvc.perform(post("/exchange-rates/" + first.id() + "/correction")
			.param("version", String.valueOf(first.version()))
			.param("unitsPerUsd", "35.05")
			.param("reason", "The Treasury table was misread: 35.05, not 35.50.")
			.with(user("finance.officer").roles("FINANCE"))
			.with(csrf()))
			.andExpect(status().isFound());
		var corrected = rates.rate(first.id());
		assertThat(corrected.unitsPerUsd()).isEqualByComparingTo("35.05");
		assertThat(corrected.previousUnitsPerUsd()).isEqualByComparingTo("35.5");
		assertThat(corrected.correctedBy()).isEqualTo("finance.officer");
		assertThat(rates.rateOn("THB", LocalDate.parse("2026-03-20")).unitsPerUsd()).isEqualByComparingTo("35.05");
		// The receipt booked before keeps the rate it used, and so does the agreement's signature.
		assertThat(jdbc.queryForObject("SELECT rate FROM receipt WHERE agreement_id = ?", BigDecimal.class, agreement))
			.isEqualByComparingTo("35.5");
		assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM exchange_rate_aud WHERE id = ?", Integer.class, first.id()))
			.isEqualTo(2);
		mvc.perform(get("/exchange-rates").param("currency", "THB").with(user("finance.officer").roles("FINANCE")))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("corrected from 35.5 by finance.officer: The Treasury table was misread")));
	}

	static String code(org.assertj.core.api.ThrowableAssert.ThrowingCallable call) {
		var thrown = org.assertj.core.api.Assertions.catchThrowable(call);
		assertThat(thrown).isInstanceOf(BusinessRuleViolation.class);
		return ((BusinessRuleViolation) thrown).messageKey();
	}

	/** The reason an import gives for a line that breaks the rule {@code code}. */
	String reason(String code, Object... arguments) {
		return messages.getMessage(code, arguments, LocaleContextHolder.getLocale());
	}

	@Test
	void importsACsvAllOrNothingAndReportsEachRejectedLine() {
		var bad = """
				currency,effective_date,units_per_usd
				MNT,2026-01-01,10.55
				MNT,2026-13-01,10.60
				KZT,2026-01-01,abc
				USD,2026-01-01,1
				MNT,2026-01-01,10.56
				""";
		var refused = rates.importCsv(new StringReader(bad));
		assertThat(refused.stored()).isFalse();
		assertThat(refused.accepted()).isZero();
		assertThat(refused.rejections()).extracting(RateImport.Rejection::line).containsExactly(3L, 4L, 5L, 6L);
		assertThat(refused.rejections()).extracting(RateImport.Rejection::reason)
			.containsExactly(reason("fx.import.date", "2026-13-01"), reason("fx.import.rate", "abc"),
					reason("fx.usdIsBase"), reason("fx.import.repeated", "MNT", LocalDate.parse("2026-01-01")));
		assertThat(rates.list("MNT", PageRequest.of(0, 10))).isEmpty();

		var good = """
				currency,effective_date,units_per_usd
				MNT,2026-01-01,10.55
				MNT,2026-02-01,10.60
				KZT,2026-01-01,10.4875
				""";
		var stored = rates.importCsv(new StringReader(good));
		assertThat(stored.stored()).isTrue();
		assertThat(stored.accepted()).isEqualTo(3);
		assertThat(rates.rateOn("KZT", LocalDate.parse("2026-06-30")).unitsPerUsd()).isEqualByComparingTo("10.4875");
		var again = rates.importCsv(new StringReader("""
				currency,effective_date,units_per_usd
				MNT,2026-01-01,10.55
				KZT,2026-04-01
				KZT,2026-05-01,0
				"""));
		assertThat(again.rejections()).extracting(RateImport.Rejection::reason)
			.containsExactly(reason("fx.duplicate", "MNT", LocalDate.parse("2026-01-01")), reason("fx.import.columns", 2),
					reason("fx.rate.positive"));

		// A file that is not the expected CSV at all is refused as a whole.
		assertThat(rates.importCsv(new StringReader("currency;date;rate\nMNT;2026-04-01;10.70\n")).rejections())
			.extracting(RateImport.Rejection::reason)
			.containsExactly(reason("fx.import.header", "currency,effective_date,units_per_usd"));
		assertThat(rates.importCsv(new StringReader("currency,effective_date,units_per_usd\n")).rejections())
			.extracting(RateImport.Rejection::reason)
			.containsExactly(reason("fx.import.empty"));
		assertThat(rates.importCsv(new StringReader("currency,effective_date,units_per_usd\n\"MNT,2026-04-01,10.70\n"))
			.rejections()).extracting(RateImport.Rejection::reason).containsExactly(reason("fx.import.unreadable"));

		// Excel's "CSV UTF-8" begins with a byte-order mark; the header must still be recognised.
		var fromExcel = "\uFEFFcurrency,effective_date,units_per_usd\r\nMNT,2026-03-01,10.65\r\n";
		var excel = rates.importCsv(new StringReader(fromExcel));
		assertThat(excel.rejections()).isEmpty();
		assertThat(excel.accepted()).isEqualTo(1);
	}

	@Test
	void financeImportsThroughThePageAndTheApi() throws Exception {
		var file = new MockMultipartFile("file", "rates.csv", "text/csv",
				"currency,effective_date,units_per_usd\nCHF,2026-01-01,0.89\nCHF,2026-01-01,0.88\n".getBytes());
		var session = TestSession.fresh();
		mvc.perform(multipart("/exchange-rates/import").file(file)
			.with(user("finance.officer").roles("FINANCE"))
			.with(csrf())
			.with(session)).andExpect(status().is3xxRedirection());
		mvc.perform(get("/exchange-rates").with(user("finance.officer").roles("FINANCE")).with(session))
			.andExpect(content().string(containsString("Line 3:")));

		mvc.perform(post("/api/v1/exchange-rates/import").with(httpBasic("finance.officer", "tafund-demo-2026"))
			.contentType("text/csv")
			.content("currency,effective_date,units_per_usd\nCHF,2026-01-01,0.89\nCHF,2026-02-01,0.88\n"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.accepted").value(2));
		mvc.perform(post("/api/v1/exchange-rates").with(httpBasic("finance.officer", "tafund-demo-2026"))
			.contentType("application/json")
			.content("{\"currency\":\"CHF\",\"effectiveDate\":\"2026-02-01\",\"unitsPerUsd\":\"0.9\"}"))
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.code").value("fx.duplicate"))
			.andExpect(jsonPath("$.detail").value("A rate for CHF effective 1 Feb 2026 already exists."));
		// The probe stored rates dated 0001-01-01 and 9999-12-31; a 1995 expenditure was converted at the first.
		for (var date : List.of("0001-01-01", "9999-12-31")) {
			mvc.perform(post("/api/v1/exchange-rates").with(httpBasic("finance.officer", "tafund-demo-2026"))
				.contentType("application/json")
				.content("{\"currency\":\"CHF\",\"effectiveDate\":\"" + date + "\",\"unitsPerUsd\":\"0.9\"}"))
				.andExpect(status().isUnprocessableContent())
				.andExpect(jsonPath("$.code").value(date.startsWith("0") ? "date.tooEarly" : "date.tooLate"));
		}
		mvc.perform(post("/api/v1/exchange-rates").with(httpBasic("finance.officer", "tafund-demo-2026"))
			.contentType("application/json")
			.content("{\"currency\":\"USD\",\"effectiveDate\":\"2026-02-01\",\"unitsPerUsd\":\"1\"}"))
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.code").value("fx.usdIsBase"));
		mvc.perform(post("/api/v1/exchange-rates").with(httpBasic("donor.officer", "tafund-demo-2026"))
			.contentType("application/json")
			.content("{\"currency\":\"CHF\",\"effectiveDate\":\"2026-03-01\",\"unitsPerUsd\":\"0.9\"}"))
			.andExpect(status().isForbidden());
	}

	// The UN Treasury's list as published: a row per country, one currency on many rows, dates
	// written 01 Dec 2016, the dollar economies at 1.
	static final String TREASURY_HEADER = "Country/Territory,Currency,Currency Code,Rate,Effective Date\n";

	@Test
	void importsTheTreasurysMonthStartAndMidMonthListsAsPublished() {
		var monthStart = TREASURY_HEADER + """
				Austria,Euro,EUR,0.944,01 Dec 2016
				Belgium,Euro,EUR,0.944,01 Dec 2016
				Ecuador,US Dollar,USD,1.000,01 Dec 2016
				Indonesia,Rupiah,IDR,"13,512",01 Dec 2016
				Switzerland,Swiss Franc,CHF,1.015,01 Dec 2016
				United States of America,US Dollar,USD,1.000,01 Dec 2016
				""";
		var imported = rates.importCsv(new java.io.StringReader(monthStart));
		assertThat(imported.rejections()).isEmpty();
		assertThat(imported.accepted()).isEqualTo(3);
		assertThat(rates.rateOn("EUR", java.time.LocalDate.parse("2016-12-01")).unitsPerUsd()).isEqualByComparingTo("0.944");
		assertThat(rates.rateOn("IDR", java.time.LocalDate.parse("2016-12-10")).unitsPerUsd()).isEqualByComparingTo("13512");
		// Mid-month: only the currency that changed.
		var midMonth = TREASURY_HEADER + "Indonesia,Rupiah,IDR,\"13,400\",15 Dec 2016\n";
		assertThat(rates.importCsv(new java.io.StringReader(midMonth)).accepted()).isEqualTo(1);
		assertThat(rates.rateOn("IDR", java.time.LocalDate.parse("2016-12-20")).unitsPerUsd()).isEqualByComparingTo("13400");
		assertThat(rates.rateOn("EUR", java.time.LocalDate.parse("2016-12-20")).unitsPerUsd()).isEqualByComparingTo("0.944");
	}

	@Test
	void refusesATreasuryListWhoseRowsOfOneCurrencyDisagreeNamingBothLines() {
		var list = TREASURY_HEADER + """
				Austria,Euro,EUR,0.93,01 Nov 2016
				Belgium,Euro,EUR,0.94,01 Nov 2016
				Japan,Yen,JPY,108.5,01 Nov 2016
				""";
		var imported = rates.importCsv(new java.io.StringReader(list));
		assertThat(imported.accepted()).isZero();
		assertThat(imported.rejections()).singleElement().satisfies(rejection -> {
			assertThat(rejection.line()).isEqualTo(3);
			assertThat(rejection.reason()).isEqualTo("EUR is given on line 2 at 0.93 from 1 Nov 2016, and on this line at "
					+ "0.94 from 1 Nov 2016: the rows of one currency must agree.");
			assertThat(rejection.reason()).isEqualTo(messages.getMessage("fx.import.disagrees",
					new Object[] { "EUR", 2L, "0.93", LocalDate.parse("2016-11-01"), "0.94", LocalDate.parse("2016-11-01") }, java.util.Locale.ENGLISH));
		});
		assertThat(rates.list("JPY", org.springframework.data.domain.PageRequest.of(0, 10)).getContent()).isEmpty();
	}

	@Test
	void importsTheTreasurysListAsAnXlsxFileOnThePage() throws Exception {
		byte[] xlsx;
		try (var workbook = new org.apache.poi.xssf.usermodel.XSSFWorkbook(); var out = new java.io.ByteArrayOutputStream()) {
			var sheet = workbook.createSheet("Rates");
			var header = sheet.createRow(0);
			var names = new String[] { "Country/Territory", "Currency", "Currency Code", "Rate", "Effective Date" };
			for (int i = 0; i < names.length; i++) {
				header.createCell(i).setCellValue(names[i]);
			}
			var dateStyle = workbook.createCellStyle();
			dateStyle.setDataFormat(workbook.getCreationHelper().createDataFormat().getFormat("dd mmm yyyy"));
			Object[][] rows = { { "Denmark", "Danish Krone", "DKK", 7.02 }, { "Sweden", "Swedish Krona", "SEK", 9.3125 } };
			for (int r = 0; r < rows.length; r++) {
				var row = sheet.createRow(r + 1);
				row.createCell(0).setCellValue((String) rows[r][0]);
				row.createCell(1).setCellValue((String) rows[r][1]);
				row.createCell(2).setCellValue((String) rows[r][2]);
				row.createCell(3).setCellValue((Double) rows[r][3]);
				var date = row.createCell(4);
				date.setCellValue(java.time.LocalDate.parse("2016-10-01"));
				date.setCellStyle(dateStyle);
			}
			workbook.write(out);
			xlsx = out.toByteArray();
		}
		var file = new org.springframework.mock.web.MockMultipartFile("file", "treasury-october-2016.xlsx",
				"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", xlsx);
		var finance = user("finance.officer").roles("FINANCE");
		var browser = TestSession.fresh();
		// First a preview: nothing is stored until it is confirmed.
		mvc.perform(multipart("/exchange-rates/import").file(file).with(finance).with(csrf()).with(browser))
			.andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl("/exchange-rates/import/preview"));
		assertThat(mvc.perform(get("/exchange-rates/import/preview").with(finance).with(browser))
			.andReturn()
			.getResponse()
			.getContentAsString()).contains("2 new, 0 already stored as they are, 0 different").contains("New: stored")
			.contains("id=\"confirm-import\"");
		assertThat(rates.list("SEK", org.springframework.data.domain.PageRequest.of(0, 10)).getContent()).isEmpty();
		var result = mvc.perform(post("/exchange-rates/import/confirm").with(finance).with(csrf()).with(browser))
			.andExpect(status().is3xxRedirection())
			.andReturn();
		assertThat(((RateImport) result.getFlashMap().get("import")).accepted()).isEqualTo(2);
		assertThat(rates.rateOn("SEK", java.time.LocalDate.parse("2016-10-02")).unitsPerUsd()).isEqualByComparingTo("9.3125");
		// The same list again: every rate already stored, nothing to confirm; confirming anyway is refused.
		mvc.perform(multipart("/exchange-rates/import").file(file).with(finance).with(csrf()).with(browser));
		assertThat(mvc.perform(get("/exchange-rates/import/preview").with(finance).with(browser))
			.andReturn()
			.getResponse()
			.getContentAsString()).contains("0 new, 2 already stored as they are").doesNotContain("id=\"confirm-import\"");
		assertThat(mvc.perform(post("/exchange-rates/import/confirm").with(finance).with(csrf()).with(browser))
			.andReturn()
			.getFlashMap()
			.toString()).contains("fx.import.notStorable");
		// A confirmation with no preview left (already used) is refused too.
		assertThat(mvc.perform(post("/exchange-rates/import/confirm").with(finance).with(csrf()).with(browser))
			.andReturn()
			.getFlashMap()
			.toString()).contains("fx.import.noPreview");
		// Not a spreadsheet after all: refused as unreadable, nothing stored.
		var broken = new org.springframework.mock.web.MockMultipartFile("file", "broken.xlsx", "application/octet-stream",
				new byte[] { 'P', 'K', 3, 4, 0, 0 });
		var refused = mvc.perform(multipart("/exchange-rates/import").file(broken)
			.with(user("finance.officer").roles("FINANCE"))
			.with(csrf())).andExpect(status().is3xxRedirection()).andReturn();
		assertThat(refused.getFlashMap().toString()).contains("fx.import.unreadable");
	}

}
