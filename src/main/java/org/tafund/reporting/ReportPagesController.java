package org.tafund.reporting;

import java.io.IOException;
import java.security.Principal;
import java.util.List;

import jakarta.servlet.http.HttpServletResponse;

import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.tafund.reporting.Exports.Column;
import org.tafund.reporting.Exports.Kind;

/**
 * Status of contributions, donor statements, project financial reports and the report on
 * implementation: each a page with filters and the same figures as CSV, XLSX and PDF.
 */
@Controller
@RequestMapping("/reports")
class ReportPagesController {

	static final int PAGE_ROWS = 500;

	static final List<Column> STATUS_COLUMNS = List.of(new Column("donor_type", Kind.TEXT),
			new Column("donor", Kind.TEXT), new Column("window", Kind.TEXT), new Column("agreement", Kind.TEXT),
			new Column("year", Kind.YEAR), new Column("currency", Kind.TEXT), new Column("conditional", Kind.TEXT),
			new Column("agreed", Kind.AMOUNT), new Column("agreed_usd", Kind.AMOUNT),
			new Column("received_in_period", Kind.AMOUNT), new Column("received_in_period_usd", Kind.AMOUNT),
			new Column("received_to_date", Kind.AMOUNT), new Column("outstanding", Kind.AMOUNT),
			new Column("period_end_rate", Kind.RATE), new Column("period_end_rate_date", Kind.DATE),
			new Column("outstanding_usd", Kind.AMOUNT), new Column("overdue", Kind.AMOUNT),
			new Column("overdue_usd", Kind.AMOUNT), new Column("refunded", Kind.AMOUNT),
			new Column("refunded_usd", Kind.AMOUNT));

	static final List<Column> STATEMENT_COLUMNS = List.of(new Column("section", Kind.TEXT),
			new Column("date", Kind.DATE), new Column("agreement", Kind.TEXT), new Column("description", Kind.TEXT),
			new Column("amount", Kind.AMOUNT), new Column("currency", Kind.TEXT), new Column("rate", Kind.RATE),
			new Column("rate_date", Kind.DATE), new Column("usd", Kind.AMOUNT));

	static final List<Column> PROJECT_COLUMNS = List.of(new Column("year", Kind.YEAR),
			new Column("category", Kind.TEXT), new Column("budget_usd", Kind.AMOUNT),
			new Column("allocated_usd", Kind.AMOUNT), new Column("expenditure_usd", Kind.AMOUNT),
			new Column("psc_usd", Kind.AMOUNT), new Column("remaining_budget_usd", Kind.AMOUNT));

	static final List<Column> IMPLEMENTATION_COLUMNS = List.of(new Column("section", Kind.TEXT),
			new Column("item", Kind.TEXT), new Column("value", Kind.AMOUNT));

	private final StatusOfContributions status;

	private final DonorStatement statements;

	private final ProjectReport projects;

	private final ImplementationReport implementation;

	private final ReportChoices choices;

	ReportPagesController(StatusOfContributions status, DonorStatement statements, ProjectReport projects,
			ImplementationReport implementation, ReportChoices choices) {
		this.status = status;
		this.statements = statements;
		this.projects = projects;
		this.implementation = implementation;
		this.choices = choices;
	}

	// Status of contributions -----------------------------------------------------------------

	@GetMapping("/status-of-contributions")
	String status(ReportFilter filter, Model model) {
		model.addAttribute("summary", status.summarise(filter, PAGE_ROWS));
		model.addAttribute("pageRows", PAGE_ROWS);
		return filters(model, filter, "reporting/status-of-contributions");
	}

	@GetMapping("/status-of-contributions.{format}")
	void statusExport(@PathVariable String format, ReportFilter filter, Principal principal,
			HttpServletResponse response) throws IOException {
		var table = new Exports.Table("Status of contributions to the UN Crime Prevention and Criminal Justice Fund",
				filter.describe() + "; outstanding and overdue in USD at the UN rate of " + filter.to(), STATUS_COLUMNS,
				sink -> {
					var subtotal = new StatusOfContributions.Totals[1];
					var grand = new StatusOfContributions.Totals[] { StatusOfContributions.Totals.zero("total") };
					status.stream(filter, row -> {
						if (subtotal[0] != null && !subtotal[0].label().equals(row.donorType())) {
							sink.accept(totalRow("Subtotal " + subtotal[0].label(), subtotal[0]));
							subtotal[0] = null;
						}
						subtotal[0] = (subtotal[0] == null ? StatusOfContributions.Totals.zero(row.donorType())
								: subtotal[0]).plus(row);
						grand[0] = grand[0].plus(row);
						sink.accept(new Object[] { row.donorType(), row.donor(), row.window(), row.reference(),
								row.year(), row.currency(), row.conditional() ? "yes" : "no", row.agreed(),
								row.agreedUsd(), row.receivedInPeriod(), row.receivedInPeriodUsd(),
								row.receivedToDate(), row.outstanding(), row.periodEndRate(), row.periodEndRateDate(),
								row.outstandingUsd(), row.overdue(), row.overdueUsd(), row.refunded(),
								row.refundedUsd() });
					});
					if (subtotal[0] != null) {
						sink.accept(totalRow("Subtotal " + subtotal[0].label(), subtotal[0]));
					}
					sink.accept(totalRow("Grand total", grand[0]));
				}, -1);
		ReportController.export(format, "tafund-status-of-contributions-" + filter.from() + "-to-" + filter.to(), table,
				principal, response);
	}

	// Only USD adds up across currencies: subtotal rows carry the USD columns.
	private static Object[] totalRow(String label, StatusOfContributions.Totals t) {
		return new Object[] { label, null, null, null, null, "USD", null, null, t.agreedUsd(), null,
				t.receivedInPeriodUsd(), null, null, null, null, t.outstandingUsd(), null, t.overdueUsd(), null,
				t.refundedUsd() };
	}

	// Donor statement ---------------------------------------------------------------------------

	@GetMapping("/donor-statement")
	String donorStatement(ReportFilter filter, Model model) {
		if (filter.donorId() != null) {
			model.addAttribute("statement", statements.of(filter));
		}
		return filters(model, filter, "reporting/donor-statement");
	}

	@GetMapping("/donor-statement.{format}")
	void donorStatementExport(@PathVariable String format, ReportFilter filter, Principal principal,
			HttpServletResponse response) throws IOException {
		var statement = statements.of(filter);
		var table = new Exports.Table("Statement of account: " + statement.donor(),
				"United Nations Crime Prevention and Criminal Justice Fund · period " + filter.from() + " to "
						+ filter.to() + " · received " + Exports.grouped(statement.receivedUsd()) + " USD, refunded "
						+ Exports.grouped(statement.refundedUsd()) + " USD, outstanding at " + filter.to() + " "
						+ Exports.grouped(statement.outstandingUsd()) + " USD",
				STATEMENT_COLUMNS, sink -> statement.lines(line -> sink.accept(line.cells())), -1, 0);
		ReportController.export(format, "tafund-donor-statement-" + statement.donorId() + "-" + filter.from() + "-to-"
				+ filter.to(), table, principal, response);
	}

	// Project financial report -------------------------------------------------------------------

	@GetMapping("/project-report")
	String projectReport(ReportFilter filter, Authentication user, Model model) {
		model.addAttribute("projects", projects.choices(filter, ProjectReport.onlyOwnProjects(user) ? user.getName() : null));
		if (filter.projectId() != null) {
			projects.requireAccess(user, filter.projectId());
			model.addAttribute("report", projects.of(filter));
		}
		return filters(model, filter, "reporting/project-report");
	}

	@GetMapping("/project-report.{format}")
	void projectReportExport(@PathVariable String format, ReportFilter filter, Authentication user,
			HttpServletResponse response) throws IOException {
		if (filter.projectId() != null) {
			projects.requireAccess(user, filter.projectId());
		}
		var report = projects.of(filter);
		var table = new Exports.Table("Project financial report: " + report.code() + " " + report.title(),
				"Period " + filter.from() + " to " + filter.to() + " · allocated to date "
						+ Exports.grouped(report.allocatedToDateUsd()) + " USD, expenditure to date "
						+ Exports.grouped(report.spentToDateUsd()) + " USD, PSC to date "
						+ Exports.grouped(report.pscToDateUsd()) + " USD"
						+ ", balance " + Exports.grouped(report.balanceUsd()) + " USD, burn rate "
						+ Exports.grouped(report.burnPerMonthUsd()) + " USD a month",
				PROJECT_COLUMNS, report::lines, -1);
		ReportController.export(format, "tafund-project-report-" + report.code() + "-" + filter.from() + "-to-"
				+ filter.to(), table, user, response);
	}

	// Report on implementation ---------------------------------------------------------------------

	@GetMapping("/implementation")
	String implementation(ReportFilter filter, Model model) {
		model.addAttribute("report", implementation.of(filter));
		return filters(model, filter, "reporting/implementation");
	}

	@GetMapping("/implementation.{format}")
	void implementationExport(@PathVariable String format, ReportFilter filter, Principal principal,
			HttpServletResponse response) throws IOException {
		var report = implementation.of(filter);
		var table = new Exports.Table("Report on implementation (ECOSOC resolution 2004/23, para 9)",
				filter.describe(), IMPLEMENTATION_COLUMNS, sink -> report.lines(f -> sink.accept(f.cells())), -1, 0);
		ReportController.export(format, "tafund-implementation-" + filter.from() + "-to-" + filter.to(), table,
				principal, response);
	}

	// ----------------------------------------------------------------------------------------------

	private String filters(Model model, ReportFilter filter, String view) {
		model.addAttribute("filter", filter);
		model.addAttribute("windows", ReportChoices.WINDOWS);
		model.addAttribute("themes", ReportChoices.THEMES);
		model.addAttribute("classifications", ReportChoices.CLASSIFICATIONS);
		model.addAttribute("donorTypes", choices.donorTypes());
		model.addAttribute("donors", choices.donors());
		model.addAttribute("regions", choices.regions());
		return view;
	}


}
