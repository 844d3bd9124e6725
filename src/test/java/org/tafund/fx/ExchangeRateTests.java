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
			.satisfies(e -> assertThat(((BusinessRuleViolation) e).arguments()).containsExactly("ISK", "2026-01-31"));
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
					reason("fx.usdIsBase"), reason("fx.import.repeated", "MNT", "2026-01-01"));
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
			.containsExactly(reason("fx.duplicate", "MNT", "2026-01-01"), reason("fx.import.columns", 2),
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
			.andExpect(jsonPath("$.detail").value("A rate for CHF effective 2026-02-01 already exists."));
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

}
