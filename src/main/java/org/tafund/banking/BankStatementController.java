package org.tafund.banking;

import java.io.IOException;
import java.io.InputStream;
import java.io.Serializable;
import java.math.BigDecimal;
import java.security.Principal;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.tafund.banking.Matching.Status;
import org.tafund.shared.RefusalReturnsTo;

/** Bank statements (FINANCE and ADMIN): accounts, imports, and the reconciliation of each statement. */
@Controller
class BankStatementController {

	private final BankStatements statements;

	BankStatementController(BankStatements statements) {
		this.statements = statements;
	}

	/** A bank account as finance registers it; the tolerance is what a bank may take in charges from a credit. */
	record AccountForm(String name, String number, String currency, BigDecimal tolerance) implements Serializable {
	}

	/** Which account a statement file belongs to. */
	record ImportForm(Long accountId) implements Serializable {
	}

	@GetMapping("/bank-statements")
	String page(Model model) {
		if (!model.containsAttribute("accountForm")) {
			model.addAttribute("accountForm", new AccountForm("", "", "USD", BigDecimal.ZERO));
		}
		if (!model.containsAttribute("layoutForm")) {
			model.addAttribute("layoutForm",
					new LayoutForm(null, "Booking date", "Amount", "", "Reference", "Counterparty", "Description",
							"yyyy-MM-dd", ",", false));
		}
		if (!model.containsAttribute("importForm")) {
			model.addAttribute("importForm", new ImportForm(null));
		}
		model.addAttribute("accounts", statements.accounts());
		model.addAttribute("statements", statements.statements());
		return "banking/statements";
	}

	@PostMapping("/bank-statements/accounts")
	@RefusalReturnsTo("/bank-statements#account-form")
	String addAccount(@ModelAttribute("accountForm") AccountForm form, BindingResult result, Principal user,
			RedirectAttributes flash) {
		statements.addAccount(form.name(), form.number(), form.currency(), form.tolerance(), user.getName());
		flash.addFlashAttribute("message", "bank.account.saved");
		return "redirect:/bank-statements";
	}

	/** Which column holds what in an account's CSV statements. */
	record LayoutForm(Long accountId, String date, String amount, String currency, String reference, String debtor,
			String remittance, String datePattern, String delimiter, Boolean decimalComma) implements Serializable {
	}

	@PostMapping("/bank-statements/csv-layout")
	@RefusalReturnsTo("/bank-statements#layout-form")
	String saveLayout(@ModelAttribute("layoutForm") LayoutForm form, BindingResult result, Principal user,
			RedirectAttributes flash) {
		var delimiter = form.delimiter() == null || form.delimiter().isEmpty() ? ','
				: "TAB".equals(form.delimiter()) ? '\t' : form.delimiter().charAt(0);
		statements.saveLayout(form.accountId(), new CsvLayout(form.date(), form.amount(), form.currency(),
				form.reference(), form.debtor(), form.remittance(), form.datePattern(), delimiter, Boolean.TRUE.equals(form.decimalComma())),
				user.getName());
		flash.addFlashAttribute("message", "bank.csv.saved");
		return "redirect:/bank-statements";
	}

	@PostMapping("/bank-statements/import")
	@RefusalReturnsTo("/bank-statements#import-form")
	String importFile(@ModelAttribute("importForm") ImportForm form, BindingResult result,
			@RequestParam(required = false) MultipartFile file, Principal user, RedirectAttributes flash)
			throws IOException {
		try (InputStream in = file == null ? InputStream.nullInputStream() : file.getInputStream()) {
			var imported = statements.importStatement(form.accountId(), in, user.getName());
			flash.addFlashAttribute("imported", imported);
			return "redirect:/bank-statements/" + imported.statementId();
		}
	}

	/** The statement's groups, each a page of {@value BankStatements#PAGE} entries; {@code group} and {@code page} move one. */
	@GetMapping("/bank-statements/{id}")
	String statement(@PathVariable long id, @RequestParam(required = false) Status group,
			@RequestParam(defaultValue = "0") int page, Model model) {
		var statement = statements.statement(id, group, page);
		model.addAttribute("statement", statement);
		model.addAttribute("group", group);
		model.addAttribute("page", Math.max(0, page));
		model.addAttribute("pageSize", BankStatements.PAGE);
		model.addAttribute("matched", statement.of(Status.MATCHED));
		model.addAttribute("suggested", statement.of(Status.SUGGESTED));
		model.addAttribute("unmatched", statement.of(Status.UNMATCHED));
		model.addAttribute("pending", statement.of(Status.PENDING));
		model.addAttribute("booked", statement.of(Status.BOOKED));
		return "banking/statement";
	}

	@PostMapping("/bank-statements/{id}/confirm-matches")
	@RefusalReturnsTo("/bank-statements/{id}")
	String confirmMatches(@PathVariable long id, Principal user, RedirectAttributes flash) {
		flash.addFlashAttribute("confirmed", statements.confirmMatches(id, user.getName()));
		flash.addFlashAttribute("message", "bank.entries.confirmed");
		return "redirect:/bank-statements/" + id;
	}

	@PostMapping("/bank-statements/{id}/entries/{entry}/confirm")
	@RefusalReturnsTo("/bank-statements/{id}")
	String confirm(@PathVariable long id, @PathVariable long entry, @RequestParam long version, Principal user,
			RedirectAttributes flash) {
		statements.confirm(entry, version, user.getName());
		flash.addFlashAttribute("message", "bank.entry.confirmed");
		return "redirect:/bank-statements/" + id;
	}

	@PostMapping("/bank-statements/{id}/entries/{entry}/assign")
	@RefusalReturnsTo("/bank-statements/{id}")
	String assign(@PathVariable long id, @PathVariable long entry, @RequestParam(required = false) String agreementReference,
			@RequestParam long version, Principal user, RedirectAttributes flash) {
		statements.assign(entry, version, agreementReference, user.getName());
		flash.addFlashAttribute("message", "bank.entry.confirmed");
		return "redirect:/bank-statements/" + id;
	}

}
