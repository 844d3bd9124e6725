package org.tafund.approvals;

import org.tafund.shared.Summary;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.Instant;

import org.junit.jupiter.api.Test;
import org.tafund.shared.BusinessRuleViolation;
import org.tafund.shared.ForbiddenAction;

/** The rules a policy and a pending record guard themselves, without Spring or a database. */
class ApprovalRulesTests {

	static final Instant NOW = Instant.parse("2026-11-30T10:00:00Z");

	static String code(Throwable e) {
		return ((BusinessRuleViolation) e).messageKey();
	}

	static ApprovalRequest pending(String maker) {
		return new ApprovalRequest(new PendingRecord(ApprovalAction.RECEIPT, "AGREEMENT", 7L, "NOR-2026-01",
				Summary.of("approval.summary.receipt", org.tafund.shared.Money.of("1000000.00", "NOK"),
						java.time.LocalDate.parse("2026-11-30"), ""),
				new BigDecimal("98000.00"), "7|1000000.00", "{}"), "NOK 1,000,000.00 received", "[]", "{}", maker, NOW);
	}

	@Test
	void aPolicyRequiresApprovalAboveItsThresholdOnlyAndAlwaysWithoutOne() {
		var receipts = new ApprovalPolicy(ApprovalAction.RECEIPT);
		assertThat(receipts.action()).isEqualTo(ApprovalAction.RECEIPT);
		assertThat(receipts.required()).isFalse();
		assertThat(receipts.requires(new BigDecimal("1000000.00"))).as("off").isFalse();
		receipts.set(true, BigDecimal.ZERO);
		assertThat(receipts.required()).isTrue();
		assertThat(receipts.requires(new BigDecimal("0.01"))).as("above zero").isTrue();
		receipts.set(true, new BigDecimal("100000"));
		assertThat(receipts.thresholdUsd()).isEqualTo(new BigDecimal("100000.00"));
		assertThat(receipts.requires(new BigDecimal("100000.00"))).as("at the threshold").isFalse();
		assertThat(receipts.requires(new BigDecimal("100000.01"))).as("above").isTrue();
		assertThat(receipts.requires(null)).as("no amount").isTrue();
		receipts.set(true, null);
		assertThat(receipts.requires(new BigDecimal("0.01"))).as("no threshold").isTrue();
		assertThatThrownBy(() -> receipts.set(true, new BigDecimal("-0.01")))
			.satisfies(e -> assertThat(code(e)).isEqualTo("approval.threshold.negative"));
		// The copy each instance keeps between requests says the same.
		var kept = receipts.detached();
		assertThat(kept.action()).isEqualTo(ApprovalAction.RECEIPT);
		assertThat(kept.required()).isTrue();
		assertThat(kept.thresholdUsd()).isNull();
		receipts.set(false, new BigDecimal("5"));
		assertThat(receipts.detached().required()).isFalse();
		assertThat(receipts.detached().thresholdUsd()).isEqualTo(new BigDecimal("5.00"));
		// An action without an amount keeps no threshold.
		var closes = new ApprovalPolicy(ApprovalAction.PERIOD_CLOSE);
		closes.set(true, new BigDecimal("5000"));
		assertThat(closes.thresholdUsd()).isNull();
		assertThat(closes.requires(null)).isTrue();
	}

	@Test
	void nobodyDecidesTheirOwnRecordAndADecidedRecordStaysDecided() {
		var request = pending("maker");
		assertThat(request.action()).isEqualTo(ApprovalAction.RECEIPT);
		assertThat(request.payload()).isEqualTo("{}");
		assertThat(request.getId()).isNull();
		assertThatThrownBy(() -> request.approve("maker", NOW, null, "Receipt 1"))
			.isInstanceOf(ForbiddenAction.class)
			.satisfies(e -> assertThat(code(e)).isEqualTo("approval.ownRecord"));
		assertThatThrownBy(() -> request.reject("maker", NOW, "no"))
			.satisfies(e -> assertThat(code(e)).isEqualTo("approval.ownRecord"));
		assertThatThrownBy(() -> request.reject("checker", NOW, " "))
			.satisfies(e -> assertThat(code(e)).isEqualTo("approval.reason.required"));
		request.approve("checker", NOW, "  Statement checked ", "Receipt 1");
		var view = request.view();
		assertThat(view.status()).isEqualTo(ApprovalStatus.APPROVED);
		assertThat(view.decidedBy()).isEqualTo("checker");
		assertThat(view.decisionReason()).isEqualTo("Statement checked");
		assertThat(view.resultRef()).isEqualTo("Receipt 1");
		assertThat(view.pending()).isFalse();
		assertThatThrownBy(() -> request.approve("other", NOW, null, "Receipt 2"))
			.satisfies(e -> assertThat(code(e)).isEqualTo("approval.notPending"));
		assertThatThrownBy(() -> request.withdraw("maker", NOW))
			.satisfies(e -> assertThat(code(e)).isEqualTo("approval.notPending"));
	}

	@Test
	void onlyItsMakerWithdrawsAPendingRecordAndARejectionKeepsItsReason() {
		var request = pending("maker");
		assertThatThrownBy(() -> request.withdraw("checker", NOW))
			.isInstanceOf(ForbiddenAction.class)
			.satisfies(e -> assertThat(code(e)).isEqualTo("approval.withdraw.notMaker"));
		request.withdraw("maker", NOW);
		assertThat(request.view().status()).isEqualTo(ApprovalStatus.WITHDRAWN);
		assertThat(request.view().decisionReason()).isNull();
		var rejected = pending("maker");
		rejected.reject("checker", NOW, "Not on the statement");
		assertThat(rejected.view().status()).isEqualTo(ApprovalStatus.REJECTED);
		assertThat(rejected.view().decisionReason()).isEqualTo("Not on the statement");
		assertThat(rejected.view().resultRef()).isNull();
	}

	@Test
	void aLongDuplicateKeyAndSummaryAreShortenedToTheirColumns() {
		var summary = Summary.of("approval.summary.close", "2026-10");
		var record = new PendingRecord(ApprovalAction.RATE_IMPORT, "RATES", null, "EUR", summary, null, "k".repeat(300),
				"{}");
		assertThat(record.duplicateKey().length()).isLessThanOrEqualTo(200);
		var other = new PendingRecord(ApprovalAction.RATE_IMPORT, "RATES", null, "EUR", summary, null,
				"k".repeat(299) + "x", "{}");
		assertThat(other.duplicateKey()).isNotEqualTo(record.duplicateKey());
		var edge = new PendingRecord(ApprovalAction.RATE_IMPORT, "RATES", null, "EUR", summary, null, "k".repeat(200),
				"{}");
		assertThat(edge.duplicateKey()).isEqualTo("k".repeat(200));
		// The English text kept for the audit trail fits its column; at the limit it is kept whole.
		assertThat(new ApprovalRequest(record, "s".repeat(600), "[]", "{}", "maker", NOW).view().summary()).hasSize(500)
			.endsWith("…");
		assertThat(new ApprovalRequest(record, "s".repeat(500), "[]", "{}", "maker", NOW).view().summary())
			.isEqualTo("s".repeat(500));
	}

	@Test
	void aSummaryWritesAmountsWithTheReadersSeparatorsAndKeepsTextAsTyped() {
		var summary = Summary.of("k", org.tafund.shared.Money.of("1234567.5", "EUR"), java.time.LocalDate.parse("2026-11-30"),
				"GB-HMT-7790", 3, null);
		assertThat(summary.args()).containsExactly("m:1234567.50 EUR", "d:2026-11-30", "t:GB-HMT-7790", "c:3", "t:");
		// A count stays a number, so that a message can choose its words by it.
		assertThat(summary.rendered(java.util.Locale.ENGLISH))
			.containsExactly("1,234,567.50 EUR", "30 Nov 2026", "GB-HMT-7790", 3L, "");
		assertThat(new java.text.MessageFormat("{0,choice,1#1 donor|1<{0} donors}", java.util.Locale.ENGLISH)
			.format(Summary.of("k", 1).rendered(java.util.Locale.ENGLISH))).isEqualTo("1 donor");
		assertThat(new java.text.MessageFormat("{0,choice,1#1 donor|1<{0} donors}", java.util.Locale.ENGLISH)
			.format(Summary.of("k", 1200L).rendered(java.util.Locale.ENGLISH))).isEqualTo("1,200 donors");
		// Other numbers keep their digits, written with the reader's separators.
		assertThat(Summary.of("k", new java.math.BigDecimal("0.12345")).rendered(java.util.Locale.FRENCH))
			.containsExactly("0,12345");
		assertThat(summary.rendered(java.util.Locale.FRENCH)[0]).isEqualTo("1\u202f234\u202f567,50 EUR");
		assertThat(Summary.of("k", org.tafund.shared.Money.of("1000", "JPY")).rendered(java.util.Locale.ENGLISH))
			.containsExactly("1,000 JPY");
	}

	@Test
	void aStoredSummaryThatNoLongerFitsItsMessageGivesItsFallbackNotAFailure() {
		var messages = new org.springframework.context.support.StaticMessageSource();
		messages.addMessage("counted", java.util.Locale.ENGLISH, "{0,choice,1#1 donor|1<{0} donors}");
		// A count: words chosen by it.
		assertThat(Summary.of("counted", 2).in(messages, java.util.Locale.ENGLISH, "fallback")).isEqualTo("2 donors");
		// Text where the message now counts (a summary stored before the message changed).
		assertThat(Summary.of("counted", "two").in(messages, java.util.Locale.ENGLISH, "fallback")).isEqualTo("fallback");
	}

	@Test
	void aSubmissionIsEitherBookedOrPending() {
		var booked = Submitted.bookedAs("Receipt 1");
		assertThat(booked.isPending()).isFalse();
		assertThat(booked.status()).isEqualTo(201);
		assertThat(booked.body()).isEqualTo("Receipt 1");
		var view = pending("maker").view();
		var pending = Submitted.<String>pendingAs(view);
		assertThat(pending.isPending()).isTrue();
		assertThat(pending.status()).isEqualTo(202);
		assertThat(pending.body()).isEqualTo(view);
	}

}
