package org.tafund.reporting;

import java.io.IOException;

import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.MediaType;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import tools.jackson.databind.json.JsonMapper;

/**
 * The same figures as the report pages, as JSON for scripts, at {@code /api/v1/reports/{report}}
 * with the pages' query parameters. The ledger streams its lines as a JSON array.
 */
@RestController
@RequestMapping("/api/v1/reports")
class ReportApiController {

	private final FundStatement statements;

	private final StatusOfContributions status;

	private final DonorStatement donorStatements;

	private final ProjectReport projects;

	private final ImplementationReport implementation;

	private final Ledger ledger;

	private final JsonMapper json;

	private final ClosedPeriodReports closed;

	ReportApiController(FundStatement statements, StatusOfContributions status, DonorStatement donorStatements,
			ProjectReport projects, ImplementationReport implementation, Ledger ledger, JsonMapper json,
			ClosedPeriodReports closed) {
		this.closed = closed;
		this.statements = statements;
		this.status = status;
		this.donorStatements = donorStatements;
		this.projects = projects;
		this.implementation = implementation;
		this.ledger = ledger;
		this.json = json;
	}

	/** The fund statement; of a closed period, the one stored at its close. */
	@GetMapping("/fund-statement")
	FundStatement.Statement fundStatement(ReportFilter period) {
		return closed.of(ClosedPeriodReports.FUND_STATEMENT, period.from(), period.to(), FundStatement.Statement.class,
				() -> statements.of(period.from(), period.to())).figures();
	}

	/**
	 * Every agreement's line, with subtotals by donor type and the grand total; of a closed period
	 * without other filters, the one stored at its close.
	 */
	@GetMapping("/status-of-contributions")
	StatusOfContributions.Summary statusOfContributions(ReportFilter filter) {
		if (filter.equals(ReportFilter.period(filter.from(), filter.to()))) {
			return closed.of(ClosedPeriodReports.STATUS_OF_CONTRIBUTIONS, filter.from(), filter.to(),
					StatusOfContributions.Summary.class, () -> status.summarise(filter, Integer.MAX_VALUE)).figures();
		}
		return status.summarise(filter, Integer.MAX_VALUE);
	}

	@GetMapping("/donor-statement")
	DonorStatement.Statement donorStatement(ReportFilter filter) {
		return donorStatements.of(filter);
	}

	@GetMapping("/project-report")
	ProjectReport.Report projectReport(ReportFilter filter, Authentication user) {
		if (filter.projectId() != null) {
			projects.requireAccess(user, filter.projectId());
		}
		return projects.of(filter);
	}

	@GetMapping("/implementation")
	ImplementationReport.Report implementation(ReportFilter filter) {
		return implementation.of(filter);
	}

	/** Totals per movement type, then every line of the period, written as they are read. */
	@GetMapping("/ledger")
	void ledger(ReportFilter all, @RequestParam(required = false) String type, HttpServletResponse response)
			throws IOException {
		var filter = all.forLedger();
		var kind = type == null || type.isBlank() ? null : type.strip();
		Downloads.write("the ledger JSON", response, () -> {
			response.setContentType(MediaType.APPLICATION_JSON_VALUE);
			response.setCharacterEncoding("UTF-8");
			var out = response.getOutputStream();
			out.write(("{\"from\":\"" + filter.from() + "\",\"to\":\"" + filter.to() + "\",\"totals\":").getBytes());
			out.write(json.writeValueAsBytes(ledger.totals(filter, kind)));
			out.write(",\"lines\":[".getBytes());
			var first = new boolean[] { true };
			ledger.stream(filter, kind, line -> {
				try {
					if (!first[0]) {
						out.write(',');
					}
					first[0] = false;
					out.write(json.writeValueAsBytes(line));
				}
				catch (IOException e) {
					throw new java.io.UncheckedIOException(e);
				}
			});
			out.write("]}".getBytes());
			out.flush();
		});
	}

}
