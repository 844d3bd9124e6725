package org.tafund.idempotency;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.transaction.PlatformTransactionManager;
import org.tafund.contributions.AgreementTerms;
import org.tafund.contributions.ContributionManagement;
import org.tafund.contributions.FundingWindow;
import org.tafund.contributions.ScheduleLine;
import org.tafund.donors.DonorDetails;
import org.tafund.donors.DonorManagement;
import org.tafund.donors.DonorType;
import org.tafund.shared.BusinessRuleViolation;
import org.tafund.support.IntegrationTest;
import org.tafund.support.TestClock;
import org.tafund.support.Unique;

/** The refusals of an {@code Idempotency-Key}: unusable, reused for another request, still busy. */
@IntegrationTest
class IdempotentRequestsTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	ContributionManagement contributions;

	@Autowired
	DonorManagement donors;

	@Autowired
	IdempotencyRecords records;

	@Autowired
	PlatformTransactionManager transactions;

	ResultActions receipt(long agreementId, String key, String amount) throws Exception {
		return mvc.perform(post("/api/v1/agreements/{id}/receipts", agreementId)
			.with(httpBasic("finance.officer", "tafund-demo-2026"))
			.header("Idempotency-Key", key)
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"receivedOn\":\"2025-02-01\",\"amount\":\"" + amount + "\",\"currency\":\"USD\"}"));
	}

	@Test
	void refusesAKeyTooLongToStoreAndAKeyReusedForAnotherRequest() throws Exception {
		long donor = donors.register(new DonorDetails(Unique.name("Idempotency Test Donor"), DonorType.FOUNDATION, null,
				null, null, null, true, List.of())).id();
		long agreement = contributions.createAgreement(new AgreementTerms(Unique.name("IDEM"), donor, "USD",
				new BigDecimal("1000.00"), FundingWindow.CPCJF_GENERAL_PURPOSE, null, 1, null, null, null, null, false,
				null, null, LocalDate.parse("2025-01-15"),
				List.of(new ScheduleLine(LocalDate.parse("2025-06-30"), new BigDecimal("1000.00"))))).id();
		receipt(agreement, "k".repeat(201), "100.00").andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.code").value("idempotency.key.invalid"));
		var key = Unique.name("key");
		receipt(agreement, key, "100.00").andExpect(status().isCreated());
		receipt(agreement, key, "200.00").andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.code").value("idempotency.key.reused"));
		assertThat(contributions.agreement(agreement).receipts()).hasSize(1);
	}

	@Test
	void aKeyWhoseFirstRequestIsStillRunningAfterTheWaitIsBusy() {
		// The first request claimed the key and has not finished; the wait is over at the next look.
		var scope = Unique.name("test-scope");
		var key = Unique.name("key");
		var request = "the same request";
		records.claim("system|" + scope, key, IdempotentRequests.sha256(request), Instant.now(TestClock.CLOCK), "system");
		var idempotent = new IdempotentRequests(records, transactions, new Leaping(IdempotentRequests.WAIT_MILLIS + 1));
		var worked = new AtomicBoolean();
		var thrown = catchThrowable(() -> idempotent.run(scope, key, request, () -> {
			worked.set(true);
			return new StoredResponse(201, "{}");
		}));
		assertThat(thrown).isInstanceOf(BusinessRuleViolation.class);
		assertThat(((BusinessRuleViolation) thrown).messageKey()).isEqualTo("idempotency.key.busy");
		assertThat(worked).isFalse();
	}

	@Autowired
	org.springframework.jdbc.core.JdbcTemplate jdbc;

	@Autowired
	IdempotentRequests idempotent;

	/** Marks the key's claim as made that long ago, as if its request had been running since. */
	void claimedAgo(String scope, String key, java.time.Duration ago) {
		jdbc.update("update idempotency_record set claimed_at = ? where scope = ? and idem_key = ?",
				java.sql.Timestamp.from(Instant.now(TestClock.CLOCK).minus(ago)), "system|" + scope, key);
	}

	// The probe: a claim whose server died stayed blocked for good (every retry 422 busy after 20 s).
	@Test
	void aClaimLeftUnfinishedPastTheExpiryIsTakenOverAndTheWorkDoneOnce() {
		var scope = Unique.name("test-scope");
		var key = Unique.name("key");
		var request = "the same request";
		records.claim("system|" + scope, key, IdempotentRequests.sha256(request), Instant.now(TestClock.CLOCK), "system",
				"token of a server that died");
		// Within the expiry the claim is its first request's still (this clock leaps 20 s a reading:
		// the wait is over after some 40 s, before the 60 s of the expiry).
		var early = new IdempotentRequests(records, transactions, new Leaping(IdempotentRequests.WAIT_MILLIS + 1));
		assertThat(catchThrowable(() -> early.run(scope, key, request, () -> new StoredResponse(201, "{}"))))
			.isInstanceOf(BusinessRuleViolation.class);
		// Past it, a retry takes it over and does the work, once.
		claimedAgo(scope, key, IdempotentRequests.CLAIM_EXPIRY.plusSeconds(1));
		var works = new java.util.concurrent.atomic.AtomicInteger();
		var first = idempotent.run(scope, key, request, () -> new StoredResponse(201, "{\"n\":" + works.incrementAndGet() + "}"));
		var again = idempotent.run(scope, key, request, () -> new StoredResponse(201, "{\"n\":" + works.incrementAndGet() + "}"));
		assertThat(first).isEqualTo(new StoredResponse(201, "{\"n\":1}"));
		assertThat(again).isEqualTo(first);
		assertThat(works).hasValue(1);
		// A different request under the key takes nothing over: refused as before.
		assertThat(catchThrowable(() -> idempotent.run(scope, key, "another request", () -> new StoredResponse(201, "{}"))))
			.isInstanceOf(BusinessRuleViolation.class)
			.extracting(e -> ((BusinessRuleViolation) e).messageKey())
			.isEqualTo("idempotency.key.reused");
	}

	@Test
	void aSlowFirstRequestWhoseClaimWasTakenOverBooksNothingAndAnswersWhatTheOtherBooked() throws Exception {
		var scope = Unique.name("test-scope");
		var key = Unique.name("key");
		var request = "the same request";
		var marker = Unique.name("idem");
		var started = new java.util.concurrent.CountDownLatch(1);
		var finish = new java.util.concurrent.CountDownLatch(1);
		var executor = java.util.concurrent.Executors.newSingleThreadExecutor();
		try {
			var slow = executor.submit(() -> idempotent.run(scope, key, request, () -> {
				jdbc.update("insert into app_secret (name, secret) values (?, 'slow')", marker + "-slow");
				started.countDown();
				try {
					finish.await();
				}
				catch (InterruptedException e) {
					Thread.currentThread().interrupt();
				}
				return new StoredResponse(201, "slow");
			}));
			assertThat(started.await(10, java.util.concurrent.TimeUnit.SECONDS)).isTrue();
			claimedAgo(scope, key, IdempotentRequests.CLAIM_EXPIRY.plusSeconds(1));
			var retry = idempotent.run(scope, key, request, () -> {
				jdbc.update("insert into app_secret (name, secret) values (?, 'retry')", marker + "-retry");
				return new StoredResponse(201, "retry");
			});
			finish.countDown();
			assertThat(retry).isEqualTo(new StoredResponse(201, "retry"));
			assertThat(slow.get(30, java.util.concurrent.TimeUnit.SECONDS)).isEqualTo(retry);
			assertThat(jdbc.queryForList("select name from app_secret where name like ?", String.class, marker + "%"))
				.containsExactly(marker + "-retry");
		}
		finally {
			finish.countDown();
			executor.shutdownNow();
		}
	}

	/** A clock that moves on by {@code step} milliseconds each time it is read. */
	static class Leaping extends Clock {

		private final AtomicLong now = new AtomicLong(TestClock.CLOCK.millis());

		private final long step;

		Leaping(long step) {
			this.step = step;
		}

		@Override
		public long millis() {
			return now.getAndAdd(step);
		}

		@Override
		public Instant instant() {
			return Instant.ofEpochMilli(millis());
		}

		@Override
		public ZoneId getZone() {
			return ZoneOffset.UTC;
		}

		@Override
		public Clock withZone(ZoneId zone) {
			return this;
		}

	}

}
