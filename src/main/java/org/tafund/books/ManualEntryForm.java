package org.tafund.books;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.springframework.format.annotation.DateTimeFormat;

/** The manual entry page's form: a date, a description, a reason and up to {@link #ROWS} lines. */
record ManualEntryForm(@NotNull @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate date,
		@NotBlank @Size(max = 500) String description, @NotBlank @Size(max = 500) String reason, List<LineForm> lines) implements java.io.Serializable {

	static final int ROWS = 6;

	/** Always {@link #ROWS} rows at least, so that the page shows empty rows to fill in. */
	ManualEntryForm {
		var rows = new ArrayList<LineForm>(lines == null ? List.of() : lines);
		while (rows.size() < ROWS) {
			rows.add(new LineForm("", Segment.GENERAL.name(), null, null));
		}
		lines = List.copyOf(rows.stream().map(r -> r == null ? new LineForm("", Segment.GENERAL.name(), null, null) : r).toList());
	}

	record LineForm(String account, String segment, BigDecimal debit, BigDecimal credit) implements java.io.Serializable {

		boolean blank() {
			return (account == null || account.isBlank()) && debit == null && credit == null;
		}

	}

	static ManualEntryForm empty(LocalDate date) {
		return new ManualEntryForm(date, "", "", List.of());
	}

	ManualEntryRequest toRequest() {
		var requested = (lines == null ? List.<LineForm>of() : lines).stream()
			.filter(line -> !line.blank())
			.map(line -> new ManualEntryRequest.Line(line.account(), line.segment(), line.debit(), line.credit(), null))
			.toList();
		return new ManualEntryRequest(date, description, reason, requested);
	}

}
