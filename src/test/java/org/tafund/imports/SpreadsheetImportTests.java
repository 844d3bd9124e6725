package org.tafund.imports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.MessageSourceResolvable;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import org.tafund.shared.BusinessRuleViolation;
import org.tafund.support.IntegrationTest;
import org.tafund.support.Refused;
import org.tafund.support.Unique;

/**
 * A workbook of donors, pledges, agreements and instalments checked, refused, corrected, stored and
 * imported again, through the page a donor relations officer uses, on the shared database: every
 * name and reference carries this run's own suffix.
 */
@IntegrationTest
class SpreadsheetImportTests {

	static final RequestPostProcessor OFFICER = user("donor.officer").roles("DONOR_RELATIONS");

	@Autowired
	MockMvc mvc;

	@Autowired
	SpreadsheetImports imports;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	org.tafund.donors.DonorManagement donors;

	@Autowired
	org.tafund.reference.CountryCatalogue countries;

	@Test
	void aFileThatNamesTwoMemberStatesForOneCountryIsRefusedAtItsSecond() throws Exception {
		var tag = org.tafund.support.Unique.suffix();
		var country = org.tafund.support.MemberStates.freeCountry(donors, countries, "LUX");
		var file = upload(xlsx(List.of(new Sheet("Donors", List.of(List.<Object>of("Name", "Type", "Country"),
				List.<Object>of("State One " + tag, "MEMBER_STATE", country),
				List.<Object>of("State Two " + tag, "MEMBER_STATE", country))))),
				"states.xlsx", "en");
		assertThat(imports.check(file).problems())
			.extracting(p -> p.sheet() + "!" + p.cell() + " " + p.message().getCodes()[0])
			.containsExactly("Donors!C3 import.memberState.twice");
	}

	/** A table of a workbook: its sheet name and rows, the first of them the header. */
	record Sheet(String name, List<List<Object>> rows) {
	}

	/** 60 donors, 40 pledges, 50 agreements and their 50 instalments: 200 rows. */
	static List<Sheet> workbook(String tag, UnaryOperator<Object> fix) {
		var donors = new ArrayList<List<Object>>();
		donors.add(List.of("Name", "Type", "Country", "IATI identifier", "IATI organisation type", "Notes", "Active",
				"Contact name", "Contact e-mail", "Contact role"));
		for (int i = 1; i <= 60; i++) {
			donors.add(List.of("Import Donor " + tag + " " + i, i == 6 ? fix.apply("MEMBER STAT") : "Foundation", "",
					"", "", "Row " + i, "yes", "Contact " + i, "contact" + i + "@example.org", "Desk officer"));
		}
		var pledges = new ArrayList<List<Object>>();
		pledges.add(List.of("Donor name", "Donor type", "Pledged on", "Amount", "Currency", "Funding window", "Note"));
		for (int i = 1; i <= 40; i++) {
			pledges.add(List.of("Import Donor " + tag + " " + i, "FOUNDATION", i == 11 ? fix.apply("31/02/2026") : "2026-03-" + (10 + i % 18),
					i % 2 == 0 ? "1,250,000.00" : 50_000 + i, "USD", "CPCJF_GENERAL_PURPOSE", "Pledge " + i));
		}
		var agreements = new ArrayList<List<Object>>();
		agreements.add(List.of("Reference", "Donor name", "Donor type", "Currency", "Total", "Funding window",
				"Earmark level", "PSC rate", "Signed on", "Period start", "Period end"));
		var instalments = new ArrayList<List<Object>>();
		instalments.add(List.of("Agreement reference", "Due on", "Amount"));
		for (int i = 1; i <= 50; i++) {
			var reference = "IMP-" + tag + "-" + i;
			agreements.add(List.of(reference, "Import Donor " + tag + " " + i, "foundation",
					i == 19 ? fix.apply("XYZ") : "USD", 100_000 + i, "CPCJF_GENERAL_PURPOSE", 1, "13%",
					i % 2 == 0 ? "2026-06-01" : "", "2026-01-01", "2027-12-31"));
			instalments.add(List.of(reference, "2026-09-30", 100_000 + i));
		}
		return List.of(new Sheet("Donors", donors), new Sheet("Pledges", pledges), new Sheet("Agreements", agreements),
				new Sheet("Instalments", instalments));
	}

	static byte[] xlsx(List<Sheet> sheets) throws IOException {
		try (var workbook = new XSSFWorkbook(); var out = new ByteArrayOutputStream()) {
			for (var sheet : sheets) {
				var s = workbook.createSheet(sheet.name());
				for (int r = 0; r < sheet.rows().size(); r++) {
					var row = s.createRow(r);
					var cells = sheet.rows().get(r);
					for (int c = 0; c < cells.size(); c++) {
						if (cells.get(c) instanceof Number n) {
							row.createCell(c).setCellValue(n.doubleValue());
						}
						else {
							row.createCell(c).setCellValue((String) cells.get(c));
						}
					}
				}
			}
			workbook.write(out);
			return out.toByteArray();
		}
	}

	long upload(byte[] content, String name, String lang) throws Exception {
		var location = mvc
			.perform(multipart("/donors/import").file(new MockMultipartFile("file", name, null, content))
				.param("lang", lang)
				.with(OFFICER)
				.with(csrf()))
			.andExpect(status().isFound())
			.andReturn()
			.getResponse()
			.getRedirectedUrl();
		assertThat(location).matches("/donors/import/\\d+");
		return Long.parseLong(location.substring(location.lastIndexOf('/') + 1));
	}

	String page(long id, String lang) throws Exception {
		return mvc.perform(get("/donors/import/" + id).param("lang", lang).with(OFFICER))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString(StandardCharsets.UTF_8);
	}

	Map<String, Long> stored(String tag) {
		return Map.of("donors", count("SELECT COUNT(*) FROM donor WHERE name LIKE ?", "Import Donor " + tag + " %"),
				"pledges", count("SELECT COUNT(*) FROM pledge p JOIN donor d ON d.id = p.donor_id WHERE d.name LIKE ?",
						"Import Donor " + tag + " %"),
				"agreements", count("SELECT COUNT(*) FROM agreement WHERE reference LIKE ?", "IMP-" + tag + "-%"),
				"instalments", count("SELECT COUNT(*) FROM instalment i JOIN agreement a ON a.id = i.agreement_id "
						+ "WHERE a.reference LIKE ?", "IMP-" + tag + "-%"));
	}

	long count(String sql, String like) {
		return jdbc.queryForObject(sql, Long.class, like);
	}

	@Test
	void twoHundredRowsWithThreeErrorsStoreNothingAndNameTheCellsThenStoreTwoHundredThenNothingAgain() throws Exception {
		var tag = Unique.suffix();
		var wrong = upload(xlsx(workbook(tag, value -> value)), "fund.xlsx", "fr");

		var result = imports.check(wrong);
		assertThat(result.problems()).extracting(p -> p.sheet() + "!" + p.cell() + " " + p.message().getCodes()[0])
			.containsExactlyInAnyOrder("Donors!B7 import.cell.code", "Pledges!C12 import.cell.date",
					"Agreements!D20 money.currency.unknown");
		assertThat(result.rows()).hasSize(200);
		// In the reader's language, each beside its cell; and no button to store.
		var french = page(wrong, "fr");
		assertThat(french).contains("B7", "C12", "D20", "« MEMBER STAT » n’est pas l’une des valeurs",
				"« 31/02/2026 » n’est pas une date", "3 cellules sont refusées").doesNotContain("confirm-import");
		var refused = Refused.page(mvc, post("/donors/import/" + wrong + "/confirm"), OFFICER, "/donors/import/" + wrong);
		assertThat(refused).contains("The file no longer passes its check (3 refused cells)");
		assertThatThrownBy(() -> imports.confirm(wrong, "donor.officer")).isInstanceOfSatisfying(BusinessRuleViolation.class,
				e -> assertThat(e.messageKey()).isEqualTo("import.notClean"));
		assertThat(stored(tag)).containsAllEntriesOf(Map.of("donors", 0L, "pledges", 0L, "agreements", 0L, "instalments", 0L));

		Map<Object, Object> fixes = Map.of("MEMBER STAT", "FOUNDATION", "31/02/2026", "2026-02-28", "XYZ", "USD");
		var fixed = xlsx(workbook(tag, value -> fixes.get(value)));
		var clean = upload(fixed, "fund.xlsx", "en");
		var dryRun = imports.check(clean);
		assertThat(dryRun.problems()).isEmpty();
		assertThat(dryRun.count(Check.Outcome.NEW)).isEqualTo(200);
		assertThat(page(clean, "en")).contains("200 rows to create, 0 already recorded, 0 refused cells", "confirm-import");
		mvc.perform(post("/donors/import/" + clean + "/confirm").with(OFFICER).with(csrf())).andExpect(status().isFound());
		assertThat(stored(tag)).containsAllEntriesOf(Map.of("donors", 60L, "pledges", 40L, "agreements", 50L, "instalments", 50L));
		assertThat(imports.get(clean)).satisfies(i -> {
			assertThat(i.stored()).isTrue();
			assertThat(i.storedBy()).isEqualTo("donor.officer");
			assertThat(List.of(i.donors(), i.pledges(), i.agreements(), i.instalments())).containsExactly(60, 40, 50, 50);
		});
		// Stored through the pages' services: attributed, and the signed agreements posted to the journal.
		assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM donor WHERE name LIKE ? AND created_by = 'donor.officer'",
				Long.class, "Import Donor " + tag + " %")).isEqualTo(60);
		assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM journal_entry e JOIN agreement a ON a.id = e.source_id "
				+ "WHERE e.source_type = 'AGREEMENT_SIGNED' AND a.reference LIKE ?", Long.class, "IMP-" + tag + "-%")).isEqualTo(25);
		assertThatThrownBy(() -> imports.confirm(clean, "donor.officer")).isInstanceOfSatisfying(BusinessRuleViolation.class,
				e -> assertThat(e.messageKey()).isEqualTo("import.alreadyStored"));

		var again = upload(fixed, "fund-again.xlsx", "en");
		var second = imports.check(again);
		assertThat(second.problems()).isEmpty();
		assertThat(second.count(Check.Outcome.NEW)).isZero();
		assertThat(second.count(Check.Outcome.RECORDED)).isEqualTo(200);
		assertThat(page(again, "en")).contains("Every row is already recorded");
		assertThat(imports.confirm(again, "donor.officer").total()).isZero();
		assertThat(stored(tag)).containsAllEntriesOf(Map.of("donors", 60L, "pledges", 40L, "agreements", 50L, "instalments", 50L));
	}

	@Test
	void csvFilesOnePerTableAreReadByTheirHeadersWithAmountsAsPeopleTypeThem() throws Exception {
		var tag = Unique.suffix();
		var donors = "Name;Type;Country\nImport Donor " + tag + " 1;FOUNDATION;\n";
		var agreements = "Reference;Donor name;Donor type;Currency;Total;Funding window\n"
				+ "IMP-" + tag + "-1;Import Donor " + tag + " 1;FOUNDATION;USD;1 500 000,50;CPCJF_GENERAL_PURPOSE\n";
		var instalments = "Agreement reference,Due on,Amount\n" + "IMP-" + tag + "-1,2026-09-30,\"1,000,000.00\"\n"
				+ "IMP-" + tag + "-1,2027-03-31,500000.5\n";
		var location = mvc
			.perform(multipart("/donors/import")
				.file(new MockMultipartFile("file", "donors.csv", "text/csv", donors.getBytes(StandardCharsets.UTF_8)))
				.file(new MockMultipartFile("file", "agreements.csv", "text/csv", agreements.getBytes(StandardCharsets.UTF_8)))
				.file(new MockMultipartFile("file", "instalments.csv", "text/csv", instalments.getBytes(StandardCharsets.UTF_8)))
				.with(OFFICER)
				.with(csrf()))
			.andExpect(status().isFound())
			.andReturn()
			.getResponse()
			.getRedirectedUrl();
		long id = Long.parseLong(location.substring(location.lastIndexOf('/') + 1));
		var result = imports.check(id);
		assertThat(result.problems()).isEmpty();
		assertThat(result.agreements()).singleElement()
			.satisfies(a -> assertThat(a.terms().amount()).isEqualByComparingTo("1500000.50"));
		assertThat(imports.confirm(id, "donor.officer")).isEqualTo(new SpreadsheetImports.Created(1, 0, 1, 2));
		assertThat(jdbc.queryForObject("SELECT total_amount FROM agreement WHERE reference = ?", java.math.BigDecimal.class,
				"IMP-" + tag + "-1")).isEqualByComparingTo("1500000.50");
	}

	@Test
	void rowsThatClashWithWhatIsRecordedOrWithEachOtherAreRefusedNamingTheOtherRow() throws Exception {
		var tag = Unique.suffix();
		var agreementHeader = List.<Object>of("Reference", "Donor name", "Donor type", "Currency", "Total", "Funding window");
		var instalmentHeader = List.<Object>of("Agreement reference", "Due on", "Amount");
		var first = upload(xlsx(List.of(
				new Sheet("Donors", List.of(List.of("Name", "Type"), List.of("Import Donor " + tag + " A", "FOUNDATION"),
						List.of("Import Donor " + tag + " B", "FOUNDATION"), List.of("Fondation Äpfel " + tag, "FOUNDATION"))),
				new Sheet("Agreements", List.of(agreementHeader,
						List.of("IMP-" + tag + "-A", "Import Donor " + tag + " A", "FOUNDATION", "USD", 10, "CPCJF_GENERAL_PURPOSE"))),
				new Sheet("Instalments", List.of(instalmentHeader, List.of("IMP-" + tag + "-A", "2026-09-30", 10))))),
				"first.xlsx", "en");
		imports.confirm(first, "donor.officer");

		var clash = upload(xlsx(List.of(
				new Sheet("Donors", List.of(List.of("Name", "Type", "Contact e-mail"),
						List.of("Import Donor " + tag + " C", "FOUNDATION", "not-an-address"),
						List.of("import donor " + tag + "  c", "Foundation", ""),
						List.of("Import State " + tag, "MEMBER_STATE", ""),
						// The database compares names without regard to case or accents: this donor is recorded.
						List.of("FONDATION APFEL " + tag, "FOUNDATION", ""))),
				new Sheet("Pledges", List.of(List.of("Donor name", "Donor type", "Pledged on", "Amount", "Currency"),
						List.of("Nobody " + tag, "FOUNDATION", "2026-03-01", "1,0,0", "USD"),
						// No UN rate for the ngultrum: refused as the pledge form refuses it.
						List.of("Import Donor " + tag + " B", "FOUNDATION", "2026-03-01", "1000", "BTN"))),
				new Sheet("Agreements", List.of(agreementHeader,
						List.of("IMP-" + tag + "-A", "Import Donor " + tag + " B", "FOUNDATION", "USD", 10, "CPCJF_GENERAL_PURPOSE"),
						List.of("imp-" + tag + "-a", "Import Donor " + tag + " A", "FOUNDATION", "USD", 10, "CPCJF_GENERAL_PURPOSE"),
						List.of("IMP-" + tag + "-D", "Import Donor " + tag + " B", "FOUNDATION", "USD", 20, "CPCJF_GENERAL_PURPOSE"))),
				new Sheet("Instalments", List.of(instalmentHeader, List.of("IMP-" + tag + "-Z", "2026-09-30", 10),
						List.of("IMP-" + tag + "-D", "2026-09-30", "10.005"), List.of("IMP-" + tag + "-D", "2026-12-31", 10))))),
				"clash.xlsx", "en");
		assertThat(imports.check(clash).problems())
			.extracting(p -> p.sheet() + "!" + (p.cell() == null ? "row" + p.row() : p.cell()) + " " + p.message().getCodes()[0])
			.containsExactlyInAnyOrder("Donors!C2 import.cell.email", "Donors!row2 import.cell.contactName",
					"Donors!A3 import.donor.twice", "Donors!row4 donor.country.required", "Pledges!E3 fx.missing",
					"Agreements!A3 import.agreement.twice", "Instalments!C3 money.tooManyDecimals",
					"Pledges!D2 import.cell.amount", "Pledges!A2 import.donor.unknown",
					"Agreements!A2 import.agreement.otherDonor", "Instalments!A2 import.agreement.unknown");
		assertThat(imports.check(clash).rows()).filteredOn(r -> r.outcome() == Check.Outcome.RECORDED)
			.extracting(Check.RowPlan::sheet, Check.RowPlan::row)
			.containsExactly(org.assertj.core.groups.Tuple.tuple("Donors", 5));
				assertThat(page(clash, "en")).contains("“1,0,0” is not an amount", "The same donor as row 2", "BTN",
				"The reference IMP-" + tag + "-A is already another donor’s agreement");
	}

	@Test
	void numberCellsAreNumbersWhateverTheReadersLanguageAndCsvRowsAreCountedAsASpreadsheetShowsThem() throws Exception {
		var tag = Unique.suffix();
		var id = upload(xlsx(List.of(
				new Sheet("Donors", List.of(List.of("Name", "Type"), List.of("Import Donor " + tag + " K", "FOUNDATION"))),
				new Sheet("Agreements", List.of(List.of("Reference", "Donor name", "Donor type", "Currency", "Total", "Funding window", "PSC rate"),
						List.of("IMP-" + tag + "-K", "Import Donor " + tag + " K", "FOUNDATION", "KWD", 12.345, "CPCJF_GENERAL_PURPOSE", 0.13))),
				new Sheet("Instalments", List.of(List.of("Agreement reference", "Due on", "Amount"),
						List.of("IMP-" + tag + "-K", "2026-09-30", 12.345))))), "kwd.xlsx", "fr");
		var result = imports.check(id);
		assertThat(result.problems()).isEmpty();
		// 12.345 in a number cell is twelve dinars and 345 fils, not twelve thousand, for a French reader too.
		assertThat(result.agreements()).singleElement().satisfies(a -> {
			assertThat(a.terms().amount()).isEqualByComparingTo("12.345");
			assertThat(a.terms().pscRate()).isEqualByComparingTo("0.13");
		});
		var blankLines = Tables.read("donors.csv", "Name,Type\n\nD,OTHER\n".getBytes(StandardCharsets.UTF_8));
		assertThat(blankLines.get(0).rows()).singleElement().satisfies(r -> assertThat(r.number()).isEqualTo(3));
	}

	@Test
	void anUnreadableFileOrNoFileIsRefusedOnTheImportPage() throws Exception {
		var junk = mvc.perform(multipart("/donors/import")
			.file(new MockMultipartFile("file", "fund.xlsx", null, new byte[] { 'P', 'K', 3, 4, 0, 0, 1 }))
			.with(OFFICER)
			.with(csrf())).andExpect(status().isFound()).andReturn();
		assertThat(junk.getResponse().getRedirectedUrl()).isEqualTo("/donors/import");
		assertThat(junk.getFlashMap().get("problem")).isInstanceOfSatisfying(MessageSourceResolvable.class,
				e -> assertThat(e.getCodes()[0]).isEqualTo("import.unreadable"));
		var none = mvc.perform(multipart("/donors/import").with(OFFICER).with(csrf())).andExpect(status().isFound()).andReturn();
		assertThat(none.getFlashMap().get("problem")).isInstanceOfSatisfying(MessageSourceResolvable.class,
				e -> assertThat(e.getCodes()[0]).isEqualTo("import.file.required"));
		var huge = new StringBuilder("Name,Type\n");
		for (int i = 0; i <= Tables.MAX_ROWS; i++) {
			huge.append("D").append(i).append(",OTHER\n");
		}
		assertThatThrownBy(() -> Tables.read("huge.csv", huge.toString().getBytes(StandardCharsets.UTF_8)))
			.isInstanceOfSatisfying(BusinessRuleViolation.class, e -> assertThat(e.messageKey()).isEqualTo("import.tooLarge"));
		var empty = upload("Name,Type\n".getBytes(StandardCharsets.UTF_8), "donors.csv", "en");
		assertThat(imports.check(empty).problems()).extracting(p -> p.message().getCodes()[0]).containsExactly("import.nothing");
		mvc.perform(get("/donors/import").with(user("finance.officer").roles("FINANCE"))).andExpect(status().isForbidden());
	}

	@Test
	void theTemplateHasEveryTableWithItsHeadersAndAnInstructionsSheetInTheReadersLanguage() throws Exception {
		var body = mvc.perform(get("/donors/import/template.xlsx").param("lang", "es").with(OFFICER))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsByteArray();
		try (var workbook = new XSSFWorkbook(new ByteArrayInputStream(body))) {
			for (var layout : Layout.values()) {
				var header = workbook.getSheet(layout.sheet()).getRow(0);
				assertThat(header.getLastCellNum()).isEqualTo((short) layout.columns().size());
				assertThat(header.getCell(0).getStringCellValue()).isEqualTo(layout.columns().get(0).header());
			}
			assertThat(workbook.getSheet("Instrucciones")).isNotNull();
		}
		// The template, filled in as it comes, is read without a word about its instructions' columns.
		var tables = Tables.read("template.xlsx", body);
		assertThat(tables).extracting(Tables.Table::name).contains("Donors", "Pledges", "Agreements", "Instalments");
		var csv = mvc.perform(get("/donors/import/template/agreements.csv").with(OFFICER))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString(StandardCharsets.UTF_8);
		assertThat(csv).startsWith("Reference,Donor name,Donor type,Currency,Total,Funding window");
	}

}
