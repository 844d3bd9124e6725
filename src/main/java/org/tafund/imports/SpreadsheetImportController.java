package org.tafund.imports;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.Principal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.springframework.context.MessageSource;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.tafund.contributions.EarmarkKind;
import org.tafund.contributions.FundingWindow;
import org.tafund.donors.DonorType;
import org.tafund.shared.RefusalReturnsTo;

/** The import page of donor relations: the template, the upload, the dry run and the confirmation. */
@Controller
class SpreadsheetImportController {

	/** Rows of the dry run shown at a time. */
	static final int PAGE = 100;

	/** Refused cells listed on the page; a file with more is mostly wrong in one way. */
	static final int PROBLEMS_SHOWN = 1000;

	private final SpreadsheetImports imports;

	private final MessageSource messages;

	SpreadsheetImportController(SpreadsheetImports imports, MessageSource messages) {
		this.imports = imports;
		this.messages = messages;
	}

	/** A refused cell as the page lists it. */
	record ProblemLine(String sheet, int row, String cell, String column, String message) {
	}

	/** A column of the template, as the page and the instructions sheet describe it. */
	/** One column of the layout; {@code example} is a value to type as it is (a date as 2026-03-31), or null. */
	record ColumnHelp(String sheet, String header, boolean required, String values, String example, List<Choice> choices) {
	}

	@GetMapping("/donors/import")
	String page(Model model, Locale locale) {
		model.addAttribute("imports", imports.recent());
		model.addAttribute("help", help(locale));
		model.addAttribute("layouts", Layout.values());
		return "imports/import";
	}

	@PostMapping("/donors/import")
	@RefusalReturnsTo("/donors/import")
	String upload(@RequestParam(name = "file", required = false) List<MultipartFile> files, Principal user,
			Locale locale) throws IOException {
		var uploads = new ArrayList<SpreadsheetImports.Upload>();
		if (files != null) {
			for (var file : files) {
				uploads.add(new SpreadsheetImports.Upload(file.getOriginalFilename(), file.getBytes()));
			}
		}
		return "redirect:/donors/import/" + imports.upload(uploads, locale, user.getName());
	}

	/** The dry run of an import (every row, {@value #PAGE} at a time, and every refused cell), or what it stored. */
	@GetMapping("/donors/import/{id}")
	String result(@PathVariable long id, @RequestParam(defaultValue = "0") int page, Model model, Locale locale) {
		var upload = imports.get(id);
		model.addAttribute("upload", upload);
		if (!upload.stored()) {
			var result = imports.check(id);
			var problems = result.problems()
				.stream()
				.limit(PROBLEMS_SHOWN)
				.map(p -> new ProblemLine(p.sheet(), p.row(), p.cell(), p.column(), messages.getMessage(p.message(), locale)))
				.toList();
			int pages = Math.max(1, (result.rows().size() + PAGE - 1) / PAGE);
			int current = Math.min(Math.max(0, page), pages - 1);
			model.addAttribute("result", result);
			model.addAttribute("problems", problems);
			model.addAttribute("rows", result.rows().subList(current * PAGE, Math.min(result.rows().size(), (current + 1) * PAGE)));
			model.addAttribute("page", current);
			model.addAttribute("pages", pages);
			model.addAttribute("layouts", Layout.values());
		}
		return "imports/result";
	}

	@PostMapping("/donors/import/{id}/confirm")
	@RefusalReturnsTo("/donors/import/{id}")
	String confirm(@PathVariable long id, Principal user, RedirectAttributes flash) {
		var created = imports.confirm(id, user.getName());
		flash.addFlashAttribute("message", "import.stored");
		flash.addFlashAttribute("created", created);
		return "redirect:/donors/import/" + id;
	}

	/** The template: one sheet per table with its headers, and a sheet that explains the columns. */
	@GetMapping("/donors/import/template.xlsx")
	ResponseEntity<byte[]> template(Locale locale) throws IOException {
		try (Workbook workbook = new XSSFWorkbook(); var out = new ByteArrayOutputStream()) {
			var bold = workbook.createCellStyle();
			var font = workbook.createFont();
			font.setBold(true);
			bold.setFont(font);
			for (var layout : Layout.values()) {
				var sheet = workbook.createSheet(layout.sheet());
				var header = sheet.createRow(0);
				for (int c = 0; c < layout.columns().size(); c++) {
					var cell = header.createCell(c);
					cell.setCellValue(layout.columns().get(c).header());
					cell.setCellStyle(bold);
					sheet.setColumnWidth(c, 22 * 256);
				}
				sheet.createFreezePane(0, 1);
			}
			var instructions = workbook.createSheet(messages.getMessage("import.template.instructions", null, locale));
			var head = instructions.createRow(0);
			var titles = List.of("import.help.sheet", "import.help.column", "import.help.required", "import.help.values");
			for (int c = 0; c < titles.size(); c++) {
				var cell = head.createCell(c);
				cell.setCellValue(messages.getMessage(titles.get(c), null, locale));
				cell.setCellStyle(bold);
			}
			int r = 1;
			for (var line : help(locale)) {
				var row = instructions.createRow(r++);
				row.createCell(0).setCellValue(line.sheet());
				row.createCell(1).setCellValue(line.header());
				row.createCell(2).setCellValue(line.required() ? messages.getMessage("yes", null, "yes", locale) : "");
				row.createCell(3).setCellValue(line.example() == null ? line.values() : line.values() + " " + line.example());
			}
			instructions.setColumnWidth(0, 16 * 256);
			instructions.setColumnWidth(1, 26 * 256);
			instructions.setColumnWidth(3, 90 * 256);
			workbook.write(out);
			return ResponseEntity.ok()
				.contentType(MediaType.parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"))
				.header(HttpHeaders.CONTENT_DISPOSITION,
						ContentDisposition.attachment().filename("tafund-import-template.xlsx").build().toString())
				.body(out.toByteArray());
		}
	}

	/** One table's CSV template: its header line. */
	@GetMapping("/donors/import/template/{layout}.csv")
	ResponseEntity<byte[]> csvTemplate(@PathVariable String layout) {
		var table = java.util.Arrays.stream(Layout.values())
			.filter(l -> l.sheet().equalsIgnoreCase(layout))
			.findFirst()
			.orElseThrow(() -> new SpreadsheetImports.ImportNotFound(0));
		var header = String.join(",", table.columns().stream().map(Layout.Column::header).toList()) + "\r\n";
		return ResponseEntity.ok()
			.contentType(new MediaType("text", "csv", StandardCharsets.UTF_8))
			.header(HttpHeaders.CONTENT_DISPOSITION,
					ContentDisposition.attachment().filename(table.sheet().toLowerCase(Locale.ROOT) + ".csv").build().toString())
			.body(header.getBytes(StandardCharsets.UTF_8));
	}

	private List<ColumnHelp> help(Locale locale) {
		var lines = new ArrayList<ColumnHelp>();
		for (var layout : Layout.values()) {
			for (var column : layout.columns()) {
				lines.add(new ColumnHelp(layout.sheet(), column.header(), column.required(), values(column.header(), locale),
						DATE_COLUMNS.contains(column.header()) ? "2026-03-31" : null, choices(column.header(), locale)));
			}
		}
		return lines;
	}

	private static final java.util.Set<String> DATE_COLUMNS = java.util.Set.of("Pledged on", "Period start", "Period end",
			"Signed on", "Report due 1", "Report due 2", "Due on");

	private String values(String header, Locale locale) {
		if (DATE_COLUMNS.contains(header)) {
			return messages.getMessage("import.help.date", null, locale);
		}
		return switch (header) {
			case "Type", "Donor type" -> codes(DonorType.values());
			case "Funding window" -> codes(FundingWindow.values());
			case "Earmark kind" -> codes(EarmarkKind.values());
			case "Amount", "Total" -> messages.getMessage("import.help.amount", null, locale);
			case "Currency" -> messages.getMessage("import.help.currency", null, locale);
			case "Active", "Conditional", "In kind" -> messages.getMessage("import.help.yesNo", null, locale);
			case "PSC rate" -> messages.getMessage("import.help.psc", null, locale);
			case "Earmark level" -> "1, 2, 3, 4";
			case "Country" -> messages.getMessage("import.help.country", null, locale);
			case "Reference", "Agreement reference" -> messages.getMessage("import.help.reference", null, locale);
			case "Name", "Donor name" -> messages.getMessage("import.help.donor", null, locale);
			default -> "";
		};
	}

	/** A code to type in a cell, and what it means in the reader's words. */
	record Choice(String code, String label) {
	}

	/** The codes a column takes, each with its label, for the page (the template file lists the codes). */
	private List<Choice> choices(String header, Locale locale) {
		var prefix = switch (header) {
			case "Type", "Donor type" -> "donorType.";
			case "Funding window" -> "window.";
			case "Earmark kind" -> "earmark.";
			default -> null;
		};
		if (prefix == null) {
			return List.of();
		}
		Enum<?>[] values = prefix.equals("donorType.") ? DonorType.values()
				: prefix.equals("window.") ? FundingWindow.values() : EarmarkKind.values();
		return java.util.Arrays.stream(values)
			.map(v -> new Choice(v.name(), messages.getMessage(prefix + v.name(), null, v.name(), locale)))
			.toList();
	}

	private static String codes(Enum<?>[] values) {
		return String.join(", ", java.util.Arrays.stream(values).map(Enum::name).toList());
	}

}
