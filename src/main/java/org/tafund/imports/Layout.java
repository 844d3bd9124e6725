package org.tafund.imports;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The four tables a spreadsheet may hold, each a sheet of an XLSX workbook or a CSV file of its own,
 * told apart by their headers (the sheet's name decides only when the header says nothing). Headers
 * are the template's English names, matched without regard to case, spaces or punctuation.
 */
enum Layout {

	DONORS("Donors", "Name", Column.of("Name", true), Column.of("Type", true), Column.of("Country", false),
			Column.of("IATI identifier", false), Column.of("IATI organisation type", false), Column.of("Notes", false),
			Column.of("Active", false), Column.of("Contact name", false), Column.of("Contact e-mail", false),
			Column.of("Contact role", false)),
	PLEDGES("Pledges", "Pledged on", Column.of("Donor name", true), Column.of("Donor type", true),
			Column.of("Pledged on", true), Column.of("Amount", true), Column.of("Currency", true),
			Column.of("Funding window", false), Column.of("Note", false)),
	AGREEMENTS("Agreements", "Reference", Column.of("Reference", true), Column.of("Donor name", true),
			Column.of("Donor type", true), Column.of("Currency", true), Column.of("Total", true),
			Column.of("Funding window", true), Column.of("PNI institute", false), Column.of("Earmark level", false),
			Column.of("Earmark kind", false), Column.of("Earmark target", false), Column.of("PSC rate", false),
			Column.of("PSC approval reference", false), Column.of("Conditional", false), Column.of("In kind", false),
			Column.of("Period start", false), Column.of("Period end", false), Column.of("Signed on", false),
			Column.of("Report due 1", false), Column.of("Report due 2", false)),
	INSTALMENTS("Instalments", "Agreement reference", Column.of("Agreement reference", true), Column.of("Due on", true),
			Column.of("Amount", true));

	/** One column of a table: its header in the template, and whether a row must fill it. */
	record Column(String header, boolean required) {

		static Column of(String header, boolean required) {
			return new Column(header, required);
		}

	}

	private final String sheet;

	private final String marker;

	private final List<Column> columns;

	Layout(String sheet, String marker, Column... columns) {
		this.sheet = sheet;
		this.marker = marker;
		this.columns = List.of(columns);
	}

	public String sheet() {
		return sheet;
	}

	List<Column> columns() {
		return columns;
	}

	/** The table a header row (or, failing that, a sheet's name) announces. */
	static Optional<Layout> of(String sheetName, List<String> header) {
		var names = header.stream().map(Layout::key).toList();
		// Most specific first: a pledge and an agreement table also name a donor.
		for (var layout : List.of(INSTALMENTS, PLEDGES, AGREEMENTS, DONORS)) {
			if (names.contains(key(layout.marker))) {
				return Optional.of(layout);
			}
		}
		return Arrays.stream(values()).filter(l -> key(l.sheet).equals(key(sheetName))).findFirst();
	}

	static String key(String header) {
		return header == null ? "" : header.toLowerCase(Locale.ROOT).replaceAll("[^\\p{L}\\p{N}]", "");
	}

}
