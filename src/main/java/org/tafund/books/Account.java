package org.tafund.books;

import java.util.Locale;

import org.tafund.shared.BusinessRuleViolation;

/**
 * The chart of accounts, mirroring table {@code ledger_account} (seeded by V15; a test checks
 * that both agree). The constant's name is the account's code.
 */
public enum Account {

	CASH(Kind.ASSET),
	RECEIVABLE(Kind.ASSET),
	/**
	 * What period-end revaluations add to (or take from) the receivable carried at the signature
	 * rate: the two together are the receivable at the last closing rate.
	 */
	RECEIVABLE_FX(Kind.ASSET),
	NET_ASSETS(Kind.NET_ASSETS),
	/** Contribution revenue, CPCJF general-purpose. */
	REV_GENERAL(Kind.REVENUE),
	/** Contribution revenue, CPCJF special-purpose. */
	REV_SPECIAL(Kind.REVENUE),
	/** Contribution revenue, direct to a UNODC project. */
	REV_DIRECT(Kind.REVENUE),
	/** Contribution revenue, through a programme network institute. */
	REV_PNI(Kind.REVENUE),
	/** Contribution revenue, in-kind (goods or services at fair value). */
	REV_IN_KIND(Kind.REVENUE),
	/** Refunds to donors: a reduction of revenue (debit balance). */
	REFUNDS(Kind.REVENUE),
	/** Programme support costs income, of the PSC segment. */
	PSC_INCOME(Kind.REVENUE),
	/** Interest and other income. */
	OTHER_INCOME(Kind.REVENUE),
	/** Realised exchange gains (credit) and losses (debit). */
	FX_REALISED(Kind.REVENUE),
	/** Unrealised exchange gains (credit) and losses (debit), from period-end revaluation. */
	FX_UNREALISED(Kind.REVENUE),
	EXP_STAFF(Kind.EXPENSE),
	EXP_CONSULTANTS(Kind.EXPENSE),
	EXP_TRAVEL(Kind.EXPENSE),
	EXP_CONTRACTUAL_SERVICES(Kind.EXPENSE),
	EXP_WORKSHOPS_AND_TRAINING(Kind.EXPENSE),
	EXP_EQUIPMENT(Kind.EXPENSE),
	EXP_GRANTS(Kind.EXPENSE),
	EXP_GENERAL_OPERATING(Kind.EXPENSE),
	/** Programme support costs charged to projects, in the project's segment. */
	PSC_EXPENSE(Kind.EXPENSE),
	/** In-kind goods and services used (the expense matching in-kind revenue). */
	IN_KIND_EXPENSE(Kind.EXPENSE);

	/** What an account is, in the IPSAS statements; it decides on which side it normally stands. */
	public enum Kind {

		ASSET, LIABILITY, NET_ASSETS, REVENUE, EXPENSE;

		/** Assets and expenses normally have a debit balance; the others a credit balance. */
		public boolean debitNormal() {
			return this == ASSET || this == EXPENSE;
		}

	}

	private final Kind kind;

	Account(Kind kind) {
		this.kind = kind;
	}

	public String code() {
		return name();
	}

	public Kind kind() {
		return kind;
	}

	/**
	 * The expenditure account of a budget category ({@code projects.Codes.BudgetCategory} by name,
	 * e.g. {@code TRAVEL} gives {@link #EXP_TRAVEL}).
	 */
	public static Account expenditure(String budgetCategory) {
		try {
			var account = valueOf("EXP_" + budgetCategory.strip().toUpperCase(Locale.ROOT));
			return account;
		}
		catch (IllegalArgumentException | NullPointerException e) {
			throw new BusinessRuleViolation("journal.account.unknown", "EXP_" + budgetCategory);
		}
	}

	/**
	 * The contribution revenue account of a funding window ({@code contributions.FundingWindow}
	 * by name).
	 */
	public static Account revenue(String fundingWindow) {
		return switch (fundingWindow == null ? "" : fundingWindow) {
			case "CPCJF_GENERAL_PURPOSE" -> REV_GENERAL;
			case "CPCJF_SPECIAL_PURPOSE" -> REV_SPECIAL;
			case "DIRECT_UNODC_PROJECT" -> REV_DIRECT;
			case "PNI_INSTITUTE" -> REV_PNI;
			default -> throw new BusinessRuleViolation("journal.account.unknown", "REV_" + fundingWindow);
		};
	}

	/** The account of a code, or a refusal naming it. */
	public static Account of(String code) {
		try {
			return valueOf(code.strip().toUpperCase(Locale.ROOT));
		}
		catch (IllegalArgumentException | NullPointerException e) {
			throw new BusinessRuleViolation("journal.account.unknown", String.valueOf(code));
		}
	}

}
