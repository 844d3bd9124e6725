package org.tafund.reporting;

import java.io.IOException;
import java.security.Principal;
import java.util.List;
import java.util.Locale;

import jakarta.servlet.http.HttpServletResponse;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.ResponseBody;
import org.tafund.books.JournalQueries;
import org.tafund.books.TrialBalance;
import org.tafund.reporting.Exports.Column;
import org.tafund.reporting.Exports.Kind;

/**
 * The two reports made of the accounts alone: the trial balance (per account and segment:
 * opening, debits, credits, closing) and the IPSAS statements of financial position and of
 * financial performance, one column per segment. Page, CSV, XLSX, PDF and JSON like the others.
 */
@Controller
class BooksReportsController {

	private final JournalQueries books;

	private final FinancialStatements statements;

	private final MessageSource messages;

	private final ExportVoices voices;

	BooksReportsController(JournalQueries books, FinancialStatements statements, MessageSource messages,
			ExportVoices voices) {
		this.voices = voices;
		this.books = books;
		this.statements = statements;
		this.messages = messages;
	}

	@GetMapping("/reports/trial-balance")
	String trialBalance(ReportFilter period, Model model) {
		model.addAttribute("trialBalance", books.trialBalance(period.from(), period.to()));
		model.addAttribute("filter", period);
		return "reporting/trial-balance";
	}

	@GetMapping("/api/v1/reports/trial-balance")
	@ResponseBody
	TrialBalance trialBalanceJson(ReportFilter period) {
		return books.trialBalance(period.from(), period.to());
	}

	@GetMapping("/reports/trial-balance.{format}")
	void trialBalanceExport(@PathVariable String format, ReportFilter period, Principal principal,
			HttpServletResponse response) throws IOException {
		var trial = books.trialBalance(period.from(), period.to());
		var voice = voices.current();
		var locale = voice.locale();
		var table = new Exports.Table(voice.say("export.title.trialBalance"),
				voice.say("export.trialBalance.subtitle", voice.say("export.period", voice.date(period.from()),
						voice.date(period.to()))),
				List.of(new Column("account", Kind.TEXT), new Column("code", Kind.TEXT), Column.coded("segment", "segment."),
						new Column("opening", Kind.AMOUNT), new Column("debits", Kind.AMOUNT),
						new Column("credits", Kind.AMOUNT), new Column("closing", Kind.AMOUNT)),
				sink -> {
					for (var row : trial.rows()) {
						sink.accept(new Object[] { voice.codes() ? row.account().code()
								: label("account." + row.account().code(), locale), row.account().code(),
								row.segment().code(), row.opening(), row.debits(),
								row.credits(), row.closing() });
					}
					var t = trial.totals();
					sink.accept(new Object[] { voice.codes() ? "total" : label("trialBalance.total", locale), null, null,
							t.opening(), t.debits(),
							t.credits(), t.closing() });
				}, -1);
		ReportController.export(format, "tafund-trial-balance-" + period.from() + "-to-" + period.to(), table, voice,
				principal, response);
	}

	@GetMapping("/reports/financial-statements")
	String financialStatements(ReportFilter period, Model model) {
		model.addAttribute("statements", statements.of(period.from(), period.to()));
		model.addAttribute("filter", period);
		return "reporting/financial-statements";
	}

	@GetMapping("/api/v1/reports/financial-statements")
	@ResponseBody
	FinancialStatements.Statements financialStatementsJson(ReportFilter period) {
		return statements.of(period.from(), period.to());
	}

	@GetMapping("/reports/financial-statements.{format}")
	void financialStatementsExport(@PathVariable String format, ReportFilter period, Principal principal,
			HttpServletResponse response) throws IOException {
		var figures = statements.of(period.from(), period.to());
		var voice = voices.current();
		var locale = voice.locale();
		var table = new Exports.Table(voice.say("export.title.financialStatements"),
				voice.say("export.financialStatements.subtitle", voice.date(period.to()), voice.date(period.from())),
				List.of(new Column("statement", Kind.TEXT), new Column("section", Kind.TEXT), new Column("line", Kind.TEXT),
						new Column("general_purpose", Kind.AMOUNT), new Column("special_purpose", Kind.AMOUNT),
						new Column("psc", Kind.AMOUNT), new Column("total", Kind.AMOUNT)),
				sink -> {
					var position = voice.codes() ? "position" : label("statements.position", locale);
					for (var row : figures.position()) {
						sink.accept(line(position, row, voice));
					}
					var performance = voice.codes() ? "performance" : label("statements.performance", locale);
					for (var row : figures.performance()) {
						sink.accept(line(performance, row, voice));
					}
				}, -1, 0);
		ReportController.export(format, "tafund-financial-statements-" + period.from() + "-to-" + period.to(), table,
				voice, principal, response);
	}

	private Object[] line(String statement, FinancialStatements.Row row, Exports.Voice voice) {
		if (voice.codes()) {
			return new Object[] { statement, row.section(), row.line(), row.general(), row.special(), row.psc(),
					row.total() };
		}
		return new Object[] { statement, label("statements." + row.section(), voice.locale()),
				lineLabel(row.line(), voice.locale()), row.general(), row.special(), row.psc(), row.total() };
	}

	String lineLabel(String line, Locale locale) {
		var account = messages.getMessage("account." + line, null, null, locale);
		return account != null ? account : label("statements." + line, locale);
	}

	private String label(String key, Locale locale) {
		return messages.getMessage(key, null, key, locale);
	}

}
