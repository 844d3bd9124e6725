package org.tafund.reporting;

import java.time.LocalDate;

import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The same figures as the report pages, as JSON for scripts. Bulk lines come as CSV from the pages. */
@RestController
@RequestMapping("/api/v1/reports")
class ReportApiController {

	private final FundStatement statements;

	ReportApiController(FundStatement statements) {
		this.statements = statements;
	}

	@GetMapping("/fund-statement")
	FundStatement.Statement fundStatement(
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to) {
		var period = ReportController.Period.of(from, to);
		return statements.of(period.from(), period.to());
	}

}
