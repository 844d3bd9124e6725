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
			new Column("donor", Kind.TEXT), Column.coded("window", "window."), new Column("agreement", Kind.TEXT),
			new Column("year", Kind.YEAR), new Column("currency", Kind.TEXT), new Column("conditional", Kind.FLAG),
			Column.amountIn("agreed", "currency"), new Column("agreed_usd", Kind.AMOUNT),
			Column.amountIn("received_in_period", "currency"), new Column("received_in_period_usd", Kind.AMOUNT),
			Column.amountIn("received_to_date", "currency"), Column.amountIn("outstanding", "currency"),
			new Column("period_end_rate", Kind.RATE), new Column("period_end_rate_date", Kind.DATE),
			new Column("outstanding_usd", Kind.AMOUNT), Column.amountIn("overdue", "currency"),
			new Column("overdue_usd", Kind.AMOUNT), Column.amountIn("refunded", "currency"),
			new Column("refunded_usd", Kind.AMOUNT));

	static final List<Column> STATEMENT_COLUMNS = List.of(new Column("section", Kind.TEXT),
			new Column("date", Kind.DATE), new Column("agreement", Kind.TEXT), new Column("description", Kind.TEXT),
			Column.amountIn("amount", "currency"), new Column("currency", Kind.TEXT), new Column("rate", Kind.RATE),
			new Column("rate_date", Kind.DATE), new Column("usd", Kind.AMOUNT));

	static final List<Column> PROJECT_COLUMNS = List.of(new Column("year", Kind.YEAR),
			Column.coded("category", "category."), new Column("budget_usd", Kind.AMOUNT),
			new Column("allocated_usd", Kind.AMOUNT), new Column("expenditure_usd", Kind.AMOUNT),
			new Column("psc_usd", Kind.AMOUNT), new Column("remaining_budget_usd", Kind.AMOUNT));

	static final List<Column> IMPLEMENTATION_COLUMNS = List.of(new Column("section", Kind.TEXT),
			new Column("item", Kind.TEXT), new Column("value", Kind.NUMBER));

	private final StatusOfContributions status;

	private final DonorStatement statements;

	private final ProjectReport projects;

	private final ImplementationReport implementation;

	private final ReportChoices choices;

	private final ExportVoices voices;

	ReportPagesController(StatusOfContributions status, DonorStatement statements, ProjectReport projects,
			ImplementationReport implementation, ReportChoices choices, ExportVoices voices) {
		this.voices = voices;
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
		var voice = voices.current();
		java.util.function.Function<String, String> type = code -> voice.codes() ? code : voice.say("donorType." + code);
		var table = new Exports.Table(voice.say("export.title.status"),
				choices.describe(filter, voice) + "; " + voice.say("export.status.rates", voice.date(filter.to())),
				STATUS_COLUMNS, sink -> {
					var subtotal = new StatusOfContributions.Totals[1];
					var grand = new StatusOfContributions.Totals[] { StatusOfContributions.Totals.zero("total") };
					status.stream(filter, row -> {
						if (subtotal[0] != null && !subtotal[0].label().equals(row.donorType())) {
							sink.accept(totalRow(voice.codes() ? "subtotal " + subtotal[0].label()
									: voice.say("export.subtotal", type.apply(subtotal[0].label())), subtotal[0]));
							subtotal[0] = null;
						}
						subtotal[0] = (subtotal[0] == null ? StatusOfContributions.Totals.zero(row.donorType())
								: subtotal[0]).plus(row);
						grand[0] = grand[0].plus(row);
						sink.accept(new Object[] { type.apply(row.donorType()), row.donor(), row.window(), row.reference(),
								row.year(), row.currency(), row.conditional(), row.agreed(),
								row.agreedUsd(), row.receivedInPeriod(), row.receivedInPeriodUsd(),
								row.receivedToDate(), row.outstanding(), row.periodEndRate(), row.periodEndRateDate(),
								row.outstandingUsd(), row.overdue(), row.overdueUsd(), row.refunded(),
								row.refundedUsd() });
					});
					if (subtotal[0] != null) {
						sink.accept(totalRow(voice.codes() ? "subtotal " + subtotal[0].label()
								: voice.say("export.subtotal", type.apply(subtotal[0].label())), subtotal[0]));
					}
					sink.accept(totalRow(voice.codes() ? "total" : voice.say("reports.grandTotal"), grand[0]));
				}, -1);
		ReportController.export(format, "tafund-status-of-contributions-" + filter.from() + "-to-" + filter.to(), table,
				voice, principal, response);
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
		var voice = voices.current();
		var table = new Exports.Table(voice.say("export.title.donorStatement", statement.donor()),
				voice.say("export.period", voice.date(filter.from()), voice.date(filter.to())), STATEMENT_COLUMNS,
				sink -> statement.lines(voice, line -> sink.accept(line.cells())), -1, 0);
		ReportController.export(format, "tafund-donor-statement-" + Exports.slug(statement.donor()) + "-"
				+ filter.from() + "-to-" + filter.to(), table, voice, principal, response, statement::letterhead,
				statement::closing);
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
		var voice = voices.current();
		var table = new Exports.Table(voice.say("export.title.project", report.code(), report.title()),
				voice.say("export.project.subtitle", voice.date(filter.from()), voice.date(filter.to()),
						voice.number(report.allocatedToDateUsd(), 2), voice.number(report.spentToDateUsd(), 2),
						voice.number(report.pscToDateUsd(), 2), voice.number(report.balanceUsd(), 2),
						voice.number(report.burnPerMonthUsd(), 2)),
				PROJECT_COLUMNS, report::lines, -1);
		ReportController.export(format, "tafund-project-report-" + Exports.slug(report.code() + " " + report.title())
				+ "-" + filter.from() + "-to-" + filter.to(), table, voice, user, response);
	}

	// Report on implementation ---------------------------------------------------------------------

	@GetMapping("/implementation")
	String implementation(ReportFilter filter, Model model) {
		var report = implementation.of(filter);
		model.addAttribute("report", report);
		model.addAttribute("summaryParagraph", report.summary(voices.current()));
		return filters(model, filter, "reporting/implementation");
	}

	@GetMapping("/implementation.{format}")
	void implementationExport(@PathVariable String format, ReportFilter filter, Principal principal,
			HttpServletResponse response) throws IOException {
		var report = implementation.of(filter);
		var voice = voices.current();
		var table = new Exports.Table(voice.say("export.title.implementation"), choices.describe(filter, voice),
				IMPLEMENTATION_COLUMNS, sink -> report.lines(f -> sink.accept(f.cells(voice))), -1, 0);
		// On paper the figures are the charts, after the summary paragraph: the table would repeat them.
		var paper = format.equals("pdf") ? new Exports.Table(table.title(), table.subtitle(), List.of(), s -> {
		}, -1) : table;
		ReportController.export(format, "tafund-implementation-" + filter.from() + "-to-" + filter.to(), paper, voice,
				principal, response, (document, v) -> report.summary(document, v, table), null);
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
		model.addAttribute("countries", choices.countries());
		return view;
	}


}
