package org.tafund.reporting;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.tafund.books.Account;

/**
 * The lines of the fund statement, each the sum of the journal lines of its accounts: the one
 * place that says which account feeds which line, for the statement, the ledger's filter behind
 * each figure and the closed-period snapshots alike.
 */
enum Movement {

	CONTRIBUTIONS("contributions", Account.REV_GENERAL, Account.REV_SPECIAL, Account.REV_DIRECT, Account.REV_PNI,
			Account.REV_IN_KIND),
	REFUNDS("refunds", Account.REFUNDS),
	EXCHANGE("exchange", Account.FX_REALISED, Account.FX_UNREALISED),
	OTHER_INCOME("otherIncome", Account.OTHER_INCOME),
	EXPENDITURE("expenditure", Account.EXP_STAFF, Account.EXP_CONSULTANTS, Account.EXP_TRAVEL,
			Account.EXP_CONTRACTUAL_SERVICES, Account.EXP_WORKSHOPS_AND_TRAINING, Account.EXP_EQUIPMENT,
			Account.EXP_GRANTS, Account.EXP_GENERAL_OPERATING, Account.IN_KIND_EXPENSE),
	PSC("psc", Account.PSC_EXPENSE),
	PSC_INCOME("pscIncome", Account.PSC_INCOME),
	ADJUSTMENTS("adjustments", Account.NET_ASSETS);

	private final String key;

	private final Set<Account> accounts;

	Movement(String key, Account... accounts) {
		this.key = key;
		this.accounts = EnumSet.copyOf(Arrays.asList(accounts));
	}

	String key() {
		return key;
	}

	Set<Account> accounts() {
		return accounts;
	}

	List<String> codes() {
		return accounts.stream().map(Account::code).toList();
	}

	static Movement of(Account account) {
		for (var movement : values()) {
			if (movement.accounts.contains(account)) {
				return movement;
			}
		}
		return null;
	}

	/**
	 * The accounts a ledger filter names: a statement line's key (or REVENUE, as links made before
	 * the journal said), CASH, RECEIVABLE (with its revaluation), or one account code.
	 */
	static Set<Account> accountsFor(String type) {
		if (type == null || type.isBlank()) {
			return Set.of();
		}
		var code = type.strip();
		if (code.equalsIgnoreCase("REVENUE")) {
			return CONTRIBUTIONS.accounts;
		}
		if (code.equalsIgnoreCase("RECEIVABLE")) {
			return EnumSet.of(Account.RECEIVABLE, Account.RECEIVABLE_FX);
		}
		for (var movement : values()) {
			if (movement.key.equalsIgnoreCase(code) || movement.name().equalsIgnoreCase(code)) {
				return movement.accounts;
			}
		}
		return EnumSet.of(Account.of(code.toUpperCase(Locale.ROOT)));
	}

}
