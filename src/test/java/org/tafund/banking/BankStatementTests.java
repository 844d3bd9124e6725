package org.tafund.banking;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import org.tafund.banking.CamtFiles.Credit;
import org.tafund.banking.Matching.Status;
import org.tafund.contributions.AgreementTerms;
import org.tafund.contributions.ContributionManagement;
import org.tafund.contributions.FundingWindow;
import org.tafund.contributions.ScheduleLine;
import org.tafund.donors.DonorDetails;
import org.tafund.donors.DonorManagement;
import org.tafund.donors.DonorType;
import org.tafund.shared.BusinessRuleViolation;
import org.tafund.support.IntegrationTest;
import org.tafund.support.Refused;
import org.tafund.support.Unique;

/**
 * A camt.053 statement matched against what donors owe, on the shared database: the test's
 * agreements have amounts and references no other test uses, and its statement is of its own
 * account.
 */
@IntegrationTest
class BankStatementTests {

	static final RequestPostProcessor FINANCE = user("finance.officer").roles("FINANCE");

	@Autowired
	MockMvc mvc;

	@Autowired
	BankStatements statements;

	@Autowired
	ContributionManagement contributions;

	@Autowired
	DonorManagement donors;

	@Autowired
	JdbcTemplate jdbc;

	record Owed(long agreementId, String reference, String donor, BigDecimal amount) {
	}

	/** A signed USD agreement of one instalment due 2026-05-15, of an amount with cents no other test has. */
	Owed owed() {
		var donor = Unique.name("Bank Donor");
		var donorId = donors.register(new DonorDetails(donor, DonorType.FOUNDATION, null, null, null, null, true,
				List.of())).id();
		var amount = new BigDecimal(ThreadLocalRandom.current().nextInt(10_000, 90_000) + "."
				+ String.format("%02d", ThreadLocalRandom.current().nextInt(1, 100)));
		var reference = Unique.name("BNK");
		var agreement = contributions.createAgreement(new AgreementTerms(reference, donorId, "USD", amount,
				FundingWindow.CPCJF_GENERAL_PURPOSE, null, 1, null, null, null, null, false, null, null,
				LocalDate.parse("2026-04-01"), List.of(new ScheduleLine(LocalDate.parse("2026-05-15"), amount)))).id();
		return new Owed(agreement, reference, donor, amount);
	}

	BankStatements.AccountView account(String tolerance) {
		return statements.addAccount("Fund account " + Unique.name("acct"), "CH" + Unique.name("").replace("-", ""), "USD",
				new BigDecimal(tolerance), "finance.officer");
	}

	@Test
	void fiveCreditsGiveThreeMatchesOneSuggestionAndOneUnmatchedAndASecondImportBooksNothing() throws Exception {
		var account = account("25.00");
		var exactOne = owed();
		var exactTwo = owed();
		var charged = owed();
		var named = owed();
		var credits = List.of(
				Credit.of(Unique.name("E1"), "2026-05-10", exactOne.amount().toPlainString(), "USD", exactOne.donor(),
						"Contribution " + exactOne.reference()),
				Credit.of(Unique.name("E2"), "2026-05-11", exactTwo.amount().toPlainString(), "USD", exactTwo.donor(),
						"Payment under " + exactTwo.reference()),
				// Short by 18.50 of bank charges, within the 25.00 tolerance.
				Credit.of(Unique.name("E3"), "2026-05-12", charged.amount().subtract(new BigDecimal("18.50")).toPlainString(),
						"USD", charged.donor(), "Grant " + charged.reference()),
				// Names the agreement, for less than is due.
				Credit.of(Unique.name("E4"), "2026-05-13", "1000.00", "USD", "Someone else",
						"First part, " + named.reference()),
				Credit.of(Unique.name("E5"), "2026-05-14", "12.34", "MNT", "Unknown sender", "Invoice 77"));
		var file = CamtFiles.statement("001.02", Unique.name("STMT"), account.number(), "USD", credits);

		var imported = statements.importStatement(account.id(), stream(file), "finance.officer");
		assertThat(imported.credits()).isEqualTo(5);
		var statement = statements.statement(imported.statementId());
		assertThat(statement.of(Status.MATCHED)).extracting(BankStatements.EntryView::agreementId)
			.containsExactlyInAnyOrder(exactOne.agreementId(), exactTwo.agreementId(), charged.agreementId());
		assertThat(statement.of(Status.MATCHED)).extracting(BankStatements.EntryView::reason)
			.containsExactlyInAnyOrder("bank.reason.exactAndReference", "bank.reason.exactAndReference", "bank.reason.charge");
		var suggestion = statement.of(Status.SUGGESTED);
		assertThat(suggestion).singleElement().satisfies(e -> {
			assertThat(e.agreementId()).isEqualTo(named.agreementId());
			assertThat(e.reason()).isEqualTo("bank.reason.referenceOtherAmount");
			assertThat(e.score()).isBetween(1, 99);
		});
		assertThat(statement.of(Status.UNMATCHED)).singleElement()
			.satisfies(e -> assertThat(e.reason()).isEqualTo("bank.reason.none"));

		// Confirmed on the page: the three matches, then the suggestion.
		mvc.perform(post("/bank-statements/" + imported.statementId() + "/confirm-matches").with(FINANCE).with(csrf()))
			.andExpect(status().isFound());
		var entry = suggestion.get(0);
		mvc.perform(post("/bank-statements/" + imported.statementId() + "/entries/" + entry.id() + "/confirm")
			.param("version", String.valueOf(entry.version())).with(FINANCE).with(csrf()))
			.andExpect(status().isFound());
		assertThat(received(exactOne)).isEqualByComparingTo(exactOne.amount());
		assertThat(received(exactTwo)).isEqualByComparingTo(exactTwo.amount());
		assertThat(received(charged)).isEqualByComparingTo(charged.amount().subtract(new BigDecimal("18.50")));
		assertThat(received(named)).isEqualByComparingTo("1000.00");
		assertThat(statements.statement(imported.statementId()).of(Status.BOOKED)).hasSize(4);
		assertThat(jdbc.queryForObject("select count(*) from receipt where bank_reference = ?", Integer.class,
				credits.get(0).reference())).isEqualTo(1);

		// The same statement again: refused whole. The same entries under another statement id: passed over.
		assertThatThrownBy(() -> statements.importStatement(account.id(), stream(file), "finance.officer"))
			.isInstanceOf(BusinessRuleViolation.class)
			.extracting(e -> ((BusinessRuleViolation) e).messageKey())
			.isEqualTo("bank.statement.alreadyImported");
		var again = statements.importStatement(account.id(),
				stream(CamtFiles.statement("001.02", Unique.name("STMT"), account.number(), "USD", credits)), "finance.officer");
		assertThat(again.credits()).isZero();
		assertThat(again.alreadyKnown()).isEqualTo(5);
		assertThat(received(exactOne)).isEqualByComparingTo(exactOne.amount());
		assertThat(jdbc.queryForObject("select count(*) from receipt where bank_reference = ?", Integer.class,
				credits.get(0).reference())).isEqualTo(1);
	}

	@Test
	void anUnmatchedEntryIsBookedToTheAgreementFinanceNames() throws Exception {
		var account = account("0");
		var owed = owed();
		var credit = Credit.of(Unique.name("H1"), "2026-05-20", "517.29", "USD", "Ministry of Finance", "Transfer");
		var imported = statements.importStatement(account.id(),
				stream(CamtFiles.statement("001.08", Unique.name("STMT"), account.number(), "USD", List.of(credit))),
				"finance.officer");
		var entry = statements.statement(imported.statementId()).of(Status.UNMATCHED).get(0);
		assertThat(entry.debtor()).isEqualTo("Ministry of Finance");
		var path = "/bank-statements/" + imported.statementId();
		var unknown = Refused.redirect(mvc, post(path + "/entries/" + entry.id() + "/assign")
			.param("agreementReference", "NO-SUCH-AGREEMENT").param("version", String.valueOf(entry.version())), FINANCE, path);
		assertThat(problem(unknown)).isEqualTo("bank.entry.agreement.unknown");
		mvc.perform(post(path + "/entries/" + entry.id() + "/assign").param("agreementReference", owed.reference())
			.param("version", String.valueOf(entry.version())).with(FINANCE).with(csrf()))
			.andExpect(status().isFound());
		assertThat(received(owed)).isEqualByComparingTo("517.29");
		// The page kept open in another tab: the same confirmation again is a conflict, not a second receipt.
		var twice = Refused.redirect(mvc, post(path + "/entries/" + entry.id() + "/assign")
			.param("agreementReference", owed.reference()).param("version", String.valueOf(entry.version())), FINANCE, path);
		assertThat(twice.getFlashMap().get("problem")).isNotNull();
		assertThat(received(owed)).isEqualByComparingTo("517.29");
		var page = mvc.perform(get(path).with(FINANCE)).andExpect(status().isOk()).andReturn().getResponse()
			.getContentAsString();
		assertThat(page).contains(owed.reference(), "Ministry of Finance", "517.29 USD");
		// A booked entry cannot be confirmed again through the other door either.
		var booked = statements.statement(imported.statementId()).of(Status.BOOKED).get(0);
		assertThatThrownBy(() -> statements.confirm(booked.id(), booked.version(), "finance.officer"))
			.extracting(e -> ((BusinessRuleViolation) e).messageKey())
			.isEqualTo("bank.entry.notOpen");
	}

	@Test
	void aStatementDeclaringADoctypeIsRefusedAndNoEntityIsRead() throws Exception {
		var account = account("0");
		var xxe = """
				<?xml version="1.0"?>
				<!DOCTYPE Document [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>
				<Document xmlns="urn:iso:std:iso:20022:tech:xsd:camt.053.001.02"><BkToCstmrStmt><Stmt><Id>&xxe;</Id>
				</Stmt></BkToCstmrStmt></Document>""";
		var refused = mvc.perform(multipart("/bank-statements/import")
			.file(new MockMultipartFile("file", "statement.xml", "application/xml", xxe.getBytes(StandardCharsets.UTF_8)))
			.param("accountId", String.valueOf(account.id()))
			.with(FINANCE)
			.with(csrf()))
			.andExpect(status().isFound())
			.andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers
				.redirectedUrl("/bank-statements#import-form"))
			.andReturn();
		var result = (org.springframework.validation.BindingResult) refused.getFlashMap()
			.get(org.springframework.validation.BindingResult.MODEL_KEY_PREFIX + "importForm");
		assertThat(result.getGlobalError().getCode()).isEqualTo("bank.statement.doctype");
		assertThat(jdbc.queryForObject("select count(*) from bank_statement where account_id = ?", Integer.class,
				account.id())).isZero();
		assertThatThrownBy(() -> statements.importStatement(account.id(), stream("<Document xmlns=\"urn:other\"/>"),
				"finance.officer"))
			.extracting(e -> ((BusinessRuleViolation) e).messageKey())
			.isEqualTo("bank.statement.format");
		assertThatThrownBy(() -> statements.importStatement(account.id(), stream("<Document"), "finance.officer"))
			.extracting(e -> ((BusinessRuleViolation) e).messageKey())
			.isEqualTo("bank.statement.unreadable");
	}

	@Test
	void bothVersionsReadTheSameEntriesAndDebitsArePassedOver() {
		for (var version : List.of("001.02", "001.08")) {
			var credit = Credit.of("REF-1", "2026-05-02", "1234.56", "EUR", "Kingdom of Norway", "NOR-2026-01 first");
			var debit = new Credit("REF-2", LocalDate.parse("2026-05-03"), new BigDecimal("10.00"), "EUR", null, "Fee", true);
			var statement = Camt053.read(stream(CamtFiles.statement(version, "S-1", "NO9386011117947", "EUR",
					List.of(credit, debit))));
			assertThat(statement.format()).isEqualTo("camt.053." + version);
			assertThat(statement.statementRef()).isEqualTo("S-1");
			assertThat(statement.account()).isEqualTo("NO9386011117947");
			assertThat(statement.from()).isEqualTo("2026-05-01");
			assertThat(statement.entries()).hasSize(2);
			var first = statement.entries().get(0);
			assertThat(first).isEqualTo(new Camt053.Entry("REF-1", LocalDate.parse("2026-05-02"), new BigDecimal("1234.56"),
					"EUR", true, true, "Kingdom of Norway", "NOR-2026-01 first"));
			assertThat(statement.entries().get(1).credit()).isFalse();
		}
	}

	@Test
	void registeringAnAccountTwiceOrWithoutItsFactsIsRefused() {
		var account = account("10");
		assertThatThrownBy(() -> statements.addAccount("Again", account.number(), "USD", BigDecimal.ZERO, "finance.officer"))
			.extracting(e -> ((BusinessRuleViolation) e).messageKey())
			.isEqualTo("bank.account.exists");
		assertThat(code(() -> statements.addAccount(" ", "X1", "USD", BigDecimal.ZERO, "f"))).isEqualTo("bank.account.name.required");
		assertThat(code(() -> statements.addAccount("N", " ", "USD", BigDecimal.ZERO, "f"))).isEqualTo("bank.account.number.required");
		assertThat(code(() -> statements.addAccount("N", "X2", "US", BigDecimal.ZERO, "f"))).isEqualTo("bank.account.currency");
		assertThat(code(() -> statements.addAccount("N", "X3", "USD", new BigDecimal("-1"), "f")))
			.isEqualTo("bank.account.tolerance.negative");
		assertThat(code(() -> statements.importStatement(null, stream(""), "f"))).isEqualTo("bank.statement.account.required");
		assertThat(code(() -> statements.importStatement(account.id(),
				stream(CamtFiles.statement("001.02", "S-9", "DE000000", "USD", List.of())), "f")))
			.isEqualTo("bank.statement.otherAccount");
	}

	@Test
	void aFileWithAWrongAmountDateOrEntryIsRefusedNamingIt() {
		var good = CamtFiles.statement("001.02", "S-2", "X", "USD",
				List.of(Credit.of("R-1", "2026-05-02", "10.00", "USD", null, null)));
		assertThat(code(() -> Camt053.read(stream(good.replace("<Amt Ccy=\"USD\">10.00", "<Amt Ccy=\"USD\">ten")))))
			.isEqualTo("bank.statement.amount");
		assertThat(code(() -> Camt053.read(stream(good.replace("<BookgDt><Dt>2026-05-02", "<BookgDt><Dt>2 May")))))
			.isEqualTo("bank.statement.date");
		assertThat(code(() -> Camt053.read(stream(good.replace("<BookgDt><Dt>2026-05-02</Dt></BookgDt>", "")))))
			.isEqualTo("bank.statement.entry");
		assertThat(code(() -> Camt053.read(stream(good.replace("<Id>S-2</Id>", ""))))).isEqualTo("bank.statement.noId");
		assertThat(code(() -> statements.confirm(Long.MAX_VALUE, 0, "finance.officer"))).isEqualTo("bank.entry.unknown");
	}

	@Test
	void aBankThatSendsCsvIsReadInTheAccountsLayoutAndTheSameFileTwiceIsRefused() throws Exception {
		var account = account("0");
		var owed = owed();
		var csv = String.join("\n", "Buchungsdatum;Betrag;Auftraggeber;Verwendungszweck",
				"12.05.2026;" + owed.amount().toPlainString().replace('.', ',') + ";" + owed.donor() + ";Beitrag " + owed.reference(),
				"13.05.2026;-15,00;Bank;Gebühren",
				"14.05.2026;1.234,57;Unbekannt;Rechnung 5") + "\n";
		// Without a layout, a file that is not XML is refused.
		assertThat(code(() -> statements.importStatement(account.id(), stream(csv), "finance.officer")))
			.isEqualTo("bank.csv.noLayout");
		// A layout without its date column: refused beside the field, the form kept (no checkbox ticked either).
		var noDate = Refused.redirect(mvc, post("/bank-statements/csv-layout").param("accountId", String.valueOf(account.id()))
			.param("amount", "Betrag"), FINANCE, "/bank-statements#layout-form");
		assertThat(Refused.fieldError(noDate, "layoutForm", "date")).isEqualTo("bank.csv.column.required");
		// The layout as a finance officer saves it on the page.
		mvc.perform(post("/bank-statements/csv-layout").param("accountId", String.valueOf(account.id()))
			.param("date", "Buchungsdatum").param("amount", "Betrag").param("debtor", "Auftraggeber")
			.param("remittance", "Verwendungszweck").param("datePattern", "dd.MM.yyyy").param("delimiter", ";")
			.param("decimalComma", "true").with(FINANCE).with(csrf()))
			.andExpect(status().isFound());
		var imported = statements.importStatement(account.id(), stream(csv), "finance.officer");
		assertThat(imported.credits()).isEqualTo(2);
		assertThat(imported.passedOver()).isEqualTo(1);
		var statement = statements.statement(imported.statementId());
		assertThat(statement.of(Status.MATCHED)).singleElement().satisfies(e -> {
			assertThat(e.agreementId()).isEqualTo(owed.agreementId());
			assertThat(e.bookedOn()).isEqualTo("2026-05-12");
		});
		assertThat(statement.of(Status.UNMATCHED)).singleElement()
			.satisfies(e -> assertThat(e.amount()).isEqualByComparingTo("1234.57"));
		assertThat(code(() -> statements.importStatement(account.id(), stream(csv), "finance.officer")))
			.isEqualTo("bank.statement.alreadyImported");
		// A wrong cell is refused naming its line and column; a missing column names the column.
		assertThat(code(() -> statements.importStatement(account.id(), stream(csv.replace("14.05.2026", "2026-05-14")),
				"finance.officer"))).isEqualTo("bank.csv.value");
		assertThat(code(() -> statements.importStatement(account.id(), stream(csv.replace("Betrag", "Summe")),
				"finance.officer"))).isEqualTo("bank.csv.noColumn");
		assertThat(code(() -> new CsvLayout(" ", "Betrag", null, null, null, null, null, ',', false)))
			.isEqualTo("bank.csv.column.required");
		assertThat(code(() -> new CsvLayout("D", "A", null, null, null, null, "yyyy-qq-ppp", ',', false)))
			.isEqualTo("bank.csv.datePattern");
		assertThat(code(() -> new CsvLayout("D", "A", null, null, null, null, null, '|', false)))
			.isEqualTo("bank.csv.delimiter");
	}

	@Autowired
	org.tafund.approvals.Approvals approvals;

	@Test
	void anEntryWhoseReceiptIsRejectedByTheApproverIsOpenAgainAndCanBeBookedAgain() throws Exception {
		var before = approvals.policies();
		approvals.setPolicy(org.tafund.approvals.ApprovalAction.RECEIPT, true, null);
		try {
			var account = account("0");
			var owed = owed();
			var imported = statements.importStatement(account.id(), stream(CamtFiles.statement("001.02", Unique.name("STMT"),
					account.number(), "USD", List.of(Credit.of(Unique.name("A1"), "2026-05-20",
							owed.amount().toPlainString(), "USD", owed.donor(), owed.reference())))),
					"finance.officer");
			var path = "/bank-statements/" + imported.statementId();
			mvc.perform(post(path + "/confirm-matches").with(FINANCE).with(csrf())).andExpect(status().isFound());
			var pending = statements.statement(imported.statementId()).of(Status.PENDING);
			assertThat(pending).singleElement().satisfies(e -> assertThat(e.approvalId()).isNotNull());
			assertThat(received(owed)).isZero();
			try (var approver = org.tafund.support.SignedIn.as("finance.approver", org.tafund.security.Role.APPROVER,
					org.tafund.security.Role.FINANCE)) {
				approvals.reject(pending.get(0).approvalId(), "Wrong agreement");
			}
			var open = statements.statement(imported.statementId()).of(Status.UNMATCHED);
			assertThat(open).singleElement().satisfies(e -> assertThat(e.reason()).isEqualTo("bank.reason.approvalRefused"));
			approvals.setPolicy(org.tafund.approvals.ApprovalAction.RECEIPT, false, null);
			mvc.perform(post(path + "/entries/" + open.get(0).id() + "/assign").param("agreementReference", owed.reference())
				.param("version", String.valueOf(open.get(0).version())).with(FINANCE).with(csrf()))
				.andExpect(status().isFound());
			assertThat(received(owed)).isEqualByComparingTo(owed.amount());
			assertThat(statements.statement(imported.statementId()).of(Status.BOOKED)).hasSize(1);
		}
		finally {
			before.forEach(policy -> approvals.setPolicy(policy.action(), policy.required(), policy.thresholdUsd()));
		}
	}

	@Test
	void aLongStatementIsShownAHundredEntriesAtATimePerGroup() throws Exception {
		var account = account("0");
		var credits = new java.util.ArrayList<Credit>();
		for (int i = 0; i < BankStatements.PAGE + 1; i++) {
			credits.add(Credit.of(Unique.name("P"), "2026-05-02", "3." + String.format("%02d", i % 100), "MNT", "Nobody", "n/a"));
		}
		var imported = statements.importStatement(account.id(),
				stream(CamtFiles.statement("001.02", Unique.name("STMT"), account.number(), "USD", credits)), "finance.officer");
		var path = "/bank-statements/" + imported.statementId();
		var first = mvc.perform(get(path).with(FINANCE)).andExpect(status().isOk()).andReturn().getResponse()
			.getContentAsString();
		assertThat(first).contains("1–100 of 101", "id=\"unmatched-next\"");
		assertThat(first.split("id=\"entry-", -1)).hasSize(BankStatements.PAGE + 1);
		var second = mvc.perform(get(path).param("group", "UNMATCHED").param("page", "1").with(FINANCE))
			.andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
		assertThat(second).contains("101–101 of 101").doesNotContain("id=\"unmatched-next\"");
		assertThat(second.split("id=\"entry-", -1)).hasSize(2);
	}

	static String problem(org.springframework.test.web.servlet.MvcResult refused) {
		return ((org.springframework.context.MessageSourceResolvable) refused.getFlashMap().get("problem")).getCodes()[0];
	}

	static String code(org.assertj.core.api.ThrowableAssert.ThrowingCallable call) {
		try {
			call.call();
		}
		catch (BusinessRuleViolation e) {
			return e.messageKey();
		}
		catch (Throwable e) {
			throw new AssertionError(e);
		}
		throw new AssertionError("not refused");
	}

	BigDecimal received(Owed owed) {
		return jdbc.queryForObject("select coalesce(sum(agreement_amount), 0) from receipt where agreement_id = ?",
				BigDecimal.class, owed.agreementId());
	}

	static ByteArrayInputStream stream(String text) {
		return new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8));
	}

}
