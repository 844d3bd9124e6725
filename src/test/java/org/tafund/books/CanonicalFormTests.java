package org.tafund.books;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

/** Pins the text every journal hash is computed over: a change here breaks every stored hash. */
class CanonicalFormTests {

	static final CanonicalForm.Entry ENTRY = new CanonicalForm.Entry(LocalDate.of(2025, 3, 31), "2025-03",
			Instant.parse("2025-04-01T09:30:00.1234567Z"), "finance.officer", "RECEIPT", 42,
			"Receipt BANK-1 | NOK\\wire\nsecond line");

	static final List<CanonicalForm.Line> LINES = List.of(
			new CanonicalForm.Line(1, "CASH", "SPECIAL", new BigDecimal("1770.08"), new BigDecimal("0"),
					new BigDecimal("15000"), "NOK", new BigDecimal("8.474"), LocalDate.of(2025, 3, 1), 7L, "MEMBER_STATE",
					12L, "CPCJF_SPECIAL_PURPOSE", "THEME:EXTRADITION", null, null, null),
			new CanonicalForm.Line(2, "RECEIVABLE", "SPECIAL", BigDecimal.ZERO, new BigDecimal("1770.08"), null, null,
					null, null, null, null, null, null, null, null, null, null));

	@Test
	void writesTheEntryAndEachLineInTheDocumentedForm() {
		var stored = new CanonicalForm.Entry(ENTRY.accountingDate(), ENTRY.period(), CanonicalForm.stored(ENTRY.postedAt()),
				ENTRY.postedBy(), ENTRY.sourceType(), ENTRY.sourceId(), ENTRY.description());
		assertThat(CanonicalForm.of(stored, LINES)).isEqualTo("""
				tafund-journal-v1
				entry|2025-03-31|2025-03|2025-04-01T09:30:00.123456Z|finance.officer|RECEIPT|42|Receipt BANK-1 \\| NOK\\\\wire\\nsecond line
				line|1|CASH|SPECIAL|1770.08|0.00|15000.0000|NOK|8.47400000|2025-03-01|7|MEMBER_STATE|12|CPCJF_SPECIAL_PURPOSE|THEME:EXTRADITION|||
				line|2|RECEIVABLE|SPECIAL|0.00|1770.08||||||||||||
				""");
	}

	@Test
	void hashesThePreviousHashFollowedByTheCanonicalContent() {
		var canonical = CanonicalForm.of(ENTRY, LINES);
		var hash = CanonicalForm.hash(CanonicalForm.GENESIS, canonical);
		assertThat(hash).hasSize(64).matches("[0-9a-f]{64}");
		assertThat(hash).isEqualTo(CanonicalForm.sha256(CanonicalForm.GENESIS + canonical));
		assertThat(CanonicalForm.sha256("abc"))
			.isEqualTo("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
		assertThat(CanonicalForm.hash("1".repeat(64), canonical)).isNotEqualTo(hash);
	}

	@Test
	void keepsMicrosecondsOfThePostingInstantAsTheDatabaseDoes() {
		assertThat(CanonicalForm.stored(Instant.parse("2025-04-01T09:30:00.1234567Z")))
			.isEqualTo(Instant.parse("2025-04-01T09:30:00.123456Z"));
	}

	@Test
	void escapesSeparatorsSoThatNoFieldCanPassForAnother() {
		var a = new CanonicalForm.Entry(LocalDate.of(2025, 1, 1), "2025-01", null, "a|b", "MANUAL", 1, "c");
		var b = new CanonicalForm.Entry(LocalDate.of(2025, 1, 1), "2025-01", null, "a", "MANUAL", 1, "b|c");
		assertThat(CanonicalForm.of(a, List.of())).isNotEqualTo(CanonicalForm.of(b, List.of()));
	}

	@Test
	void writesCanonicalJsonWithSortedKeysPlainDecimalsAndIsoDates() {
		record Figures(BigDecimal zebra, LocalDate alpha, Map<String, Object> nested, List<BigDecimal> amounts) {
		}
		var figures = new Figures(new BigDecimal("1.2345E+3"), LocalDate.of(2025, 3, 31),
				Map.of("b", 1, "a", new BigDecimal("0.10")), List.of(new BigDecimal("100"), new BigDecimal("-5.50")));
		assertThat(CanonicalJson.write(figures)).isEqualTo(
				"{\"alpha\":\"2025-03-31\",\"amounts\":[\"100\",\"-5.50\"],\"nested\":{\"a\":\"0.10\",\"b\":1},\"zebra\":\"1234.5\"}");
	}

	@Test
	void readsBackWhatItWrote() {
		var json = CanonicalJson.read("{\"amount\":\"1234.50\",\"date\":\"2025-03-31\",\"lines\":[1,2]}");
		assertThat(json.get("amount").asString()).isEqualTo("1234.50");
		assertThat(json.get("lines").size()).isEqualTo(2);
		assertThat(CanonicalJson.write(json)).isEqualTo("{\"amount\":\"1234.50\",\"date\":\"2025-03-31\",\"lines\":[1,2]}");
	}

}
