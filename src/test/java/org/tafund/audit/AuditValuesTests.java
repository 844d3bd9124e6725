package org.tafund.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Locale;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.context.i18n.LocaleContextHolder;

/** Values in the history as the reader writes them: dates in words, figures with the reader's marks. */
class AuditValuesTests {

	@AfterEach
	void resetLocale() {
		LocaleContextHolder.resetLocaleContext();
	}

	@Test
	void datesAndFiguresAreWrittenTheReadersWayEvenWhereARecordKeepsADateAsText() {
		LocaleContextHolder.setLocale(Locale.FRENCH);
		assertThat(AuditTrail.format(LocalDate.of(2026, 3, 31))).isEqualTo("31 mars 2026");
		// An approval keeps its subject as text: a period, or a revaluation's end.
		assertThat(AuditTrail.format("2026-03")).isEqualTo("mars 2026");
		assertThat(AuditTrail.format("2026-03-31")).isEqualTo("31 mars 2026");
		// Text that only holds a date-like part, or is not a date, stays as it is.
		assertThat(AuditTrail.format("BANK-2026-03-31")).isEqualTo("BANK-2026-03-31");
		assertThat(AuditTrail.format("2026-13")).isEqualTo("2026-13");
		assertThat(AuditTrail.format(new BigDecimal("0.1300"))).isEqualTo("0,13");
		LocaleContextHolder.setLocale(Locale.ENGLISH);
		assertThat(AuditTrail.format("2026-03-31")).isEqualTo("31 Mar 2026");
	}

}
