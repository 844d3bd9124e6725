package org.tafund.reporting;

import java.io.IOException;
import java.security.Principal;
import java.util.List;

import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.tafund.reporting.Exports.Column;
import org.tafund.reporting.Exports.Kind;

/**
 * The reports index and the ledger: its page shows the totals per movement and the first lines;
 * its CSV, XLSX and PDF stream every line of the period.
 */
@Controller
@RequestMapping("/reports")
class ReportController {

	static final int PAGE_LINES = 200;

	static final List<Column> LEDGER_COLUMNS = List.of(new Column("date", Kind.DATE), new Column("entry", Kind.COUNT),
			Column.coded("source", "source."), Column.coded("account", "account."), Column.coded("segment", "segment."),
			new Column("debit", Kind.AMOUNT), new Column("credit", Kind.AMOUNT), new Column("usd", Kind.AMOUNT),
			new Column("donor", Kind.TEXT), new Column("agreement", Kind.TEXT), new Column("project", Kind.TEXT),
			Column.coded("window", "window."), Column.amountIn("amount", "currency"), new Column("currency", Kind.TEXT),
			new Column("rate", Kind.RATE), new Column("rate_date", Kind.DATE), new Column("description", Kind.TEXT),
			new Column("recorded_by", Kind.TEXT), new Column("recorded_at", Kind.TIMESTAMP));

	private final Ledger ledger;

	private final FundStatement statements;

	private final org.springframework.context.MessageSource messages;

	private final ReportChoices choices;

	/** The kinds of movement, in the order the fund statement reads them. */
	/** The ledger's account filter: each fund statement line, then cash and receivables. */
	static final List<String> LEDGER_TYPES = java.util.stream.Stream
		.concat(java.util.Arrays.stream(Movement.values()).map(Movement::key),
				java.util.stream.Stream.of("CASH", "RECEIVABLE"))
		.toList();

	private final ClosedPeriodReports closed;

	private final ExportVoices voices;

	ReportController(Ledger ledger, FundStatement statements, org.springframework.context.MessageSource messages,
			ReportChoices choices, ClosedPeriodReports closed, ExportVoices voices) {
		this.voices = voices;
		this.closed = closed;
		this.choices = choices;
		this.ledger = ledger;
		this.statements = statements;
		this.messages = messages;
	}

	@GetMapping("/fund-statement")
	String fundStatement(ReportFilter period, Model model) {
		var figures = closed.of(ClosedPeriodReports.FUND_STATEMENT, period.from(), period.to(),
				FundStatement.Statement.class, () -> statements.of(period.from(), period.to()));
		model.addAttribute("statement", figures.figures());
		model.addAttribute("close", figures.close());
		return "reporting/fund-statement";
	}

	@GetMapping("/fund-statement.{format}")
	void fundStatementExport(@PathVariable String format, ReportFilter period, Principal principal,
			HttpServletResponse response) throws IOException {
		var statement = closed.of(ClosedPeriodReports.FUND_STATEMENT, period.from(), period.to(),
				FundStatement.Statement.class, () -> statements.of(period.from(), period.to())).figures();
		var voice = voices.current();
		// Each line: its key for a data file, its label for a reader.
		java.util.function.Function<String, String> label = key -> voice.codes() ? key : voice.say("fundStatement." + key);
		java.util.function.BiFunction<String, Object, String> dated = (key, date) -> voice.codes() ? key
				: voice.say("fundStatement." + key, voice.date((java.time.LocalDate) date));
		var table = new Exports.Table(voice.say("export.title.fundStatement"),
				voice.say("export.inUsd", voice.say("export.period", voice.date(period.from()), voice.date(period.to()))),
				List.of(new Column("section", Kind.TEXT), new Column("line", Kind.TEXT), new Column("usd", Kind.AMOUNT)),
				sink -> {
					var main = label.apply("statement");
					sink.accept(new Object[] { main, label.apply("opening"), statement.opening() });
					statement.movements()
						.forEach(l -> sink.accept(new Object[] { main, label.apply(l.key()), l.usd() }));
					sink.accept(new Object[] { main, label.apply("closing"), statement.closing() });
					var byWindow = label.apply("byWindow");
					for (var w : statement.incomeByWindow()) {
						var name = voice.codes() ? w.window() : voice.say("window." + w.window());
						sink.accept(new Object[] { byWindow, name + ": " + label.apply("contributions"), w.contributions() });
						sink.accept(new Object[] { byWindow, name + ": " + label.apply("refunds"), w.refunds() });
						sink.accept(new Object[] { byWindow, name + ": " + label.apply("exchange"), w.exchange() });
					}
					var memo = label.apply("memo");
					sink.accept(new Object[] { memo, label.apply("cashReceived"), statement.cashReceived() });
					sink.accept(new Object[] { memo, label.apply("allocated"), statement.allocated() });
					sink.accept(new Object[] { memo, dated.apply("receivables", period.to()), statement.receivables() });
					sink.accept(new Object[] { memo, dated.apply("allocatedBalance", period.to()),
							statement.allocatedBalance() });
					sink.accept(new Object[] { memo, dated.apply("unallocatedBalance", period.to()),
							statement.unallocatedBalance() });
				}, -1, 0);
		export(format, "tafund-fund-statement-" + period.from() + "-to-" + period.to(), table, voice, principal, response);
	}

	@GetMapping
	String index() {
		return "reporting/index";
	}

	@GetMapping("/ledger")
	String ledger(ReportFilter all, @RequestParam(required = false) String type, Model model) {
		var filter = all.forLedger();
		var kind = type == null || type.isBlank() ? null : type.strip();
		model.addAttribute("filter", filter);
		model.addAttribute("type", kind);
		model.addAttribute("types", LEDGER_TYPES);
		model.addAttribute("from", filter.from());
		model.addAttribute("to", filter.to());
		model.addAttribute("totals", ledger.totals(filter, kind));
		model.addAttribute("lines", ledger.first(filter, kind, PAGE_LINES));
		model.addAttribute("pageLines", PAGE_LINES);
		model.addAttribute("windows", ReportChoices.WINDOWS);
		model.addAttribute("donorTypes", choices.donorTypes());
		model.addAttribute("donors", choices.donors());
		model.addAttribute("projects", choices.projects());
		model.addAttribute("query", filter.query() + (kind == null ? ""
				: "&type=" + java.net.URLEncoder.encode(kind, java.nio.charset.StandardCharsets.UTF_8)));
		return "reporting/ledger";
	}

	@GetMapping("/ledger.{format}")
	void ledgerExport(@PathVariable String format, ReportFilter all, @RequestParam(required = false) String type,
			Principal principal, HttpServletResponse response) throws IOException {
		var filter = all.forLedger();
		var kind = type == null || type.isBlank() ? null : type.strip();
		var voice = voices.current();
		if (format.equals("csv")) {
			// The ledger can run to millions of lines: its CSV goes straight from the result set to the response.
			response.setHeader(HttpHeaders.CONTENT_DISPOSITION,
					"attachment; filename=\"tafund-ledger-" + filter.from() + "-to-" + filter.to() + ".csv\"");
			response.setContentType("text/csv;charset=UTF-8");
			Downloads.write("the ledger CSV", response, () -> Exports.csv(LEDGER_COLUMNS, voice, response.getOutputStream(),
					csv -> ledger.csv(filter, kind, voice, csv)));
			return;
		}
		var movement = kind == null || voice.codes() ? kind
				: messages.getMessage("fundStatement." + kind, null, messages.getMessage("account." + kind, null, kind,
						voice.locale()), voice.locale());
		var table = new Exports.Table(voice.say("export.title.ledger"),
				choices.describe(filter, voice) + (movement == null ? "" : "; " + movement), LEDGER_COLUMNS,
				sink -> ledger.stream(filter, kind,
						l -> sink.accept(new Object[] { l.date(), l.entry(), l.source(), l.account(), l.segment(),
								l.debit(), l.credit(), l.usd(), l.donor(), l.agreement(), l.project(), l.window(),
								l.amount(), l.currency(), l.rate(), l.rateDate(), l.description(), l.recordedBy(),
								l.recordedAt() })),
				7);
		export(format, "tafund-ledger-" + filter.from() + "-to-" + filter.to(), table, voice, principal, response);
	}

	static void export(String format, String name, Exports.Table table, Exports.Voice voice, Principal principal,
			HttpServletResponse response) throws IOException {
		export(format, name, table, voice, principal, response, null, null);
	}

	/**
	 * Writes a report in the format asked for; {@code before} and {@code after} add a PDF's own parts
	 * (a letter's heading, a summary, charts) around its table.
	 */
	static void export(String format, String name, Exports.Table table, Exports.Voice voice, Principal principal,
			HttpServletResponse response, Exports.Part before, Exports.Part after) throws IOException {
		var filename = name + "." + format;
		if (!List.of("csv", "xlsx", "pdf").contains(format)) {
			throw new ResponseStatusException(org.springframework.http.HttpStatus.NOT_FOUND);
		}
		response.setHeader(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + filename + "\"");
		Downloads.write(filename, response, () -> write(format, table, voice, principal, response, before, after));
	}

	private static void write(String format, Exports.Table table, Exports.Voice voice, Principal principal,
			HttpServletResponse response, Exports.Part before, Exports.Part after) throws IOException {
		switch (format) {
			case "csv" -> {
				response.setContentType("text/csv;charset=UTF-8");
				Exports.csv(table, voice, response.getOutputStream());
			}
			case "xlsx" -> {
				response.setContentType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
				Exports.xlsx(table, voice, response.getOutputStream());
			}
			case "pdf" -> {
				response.setContentType("application/pdf");
				Exports.pdf(table, voice, principal.getName(), response.getOutputStream(), before, after);
			}
			default -> throw new ResponseStatusException(org.springframework.http.HttpStatus.NOT_FOUND);
		}
	}

}
