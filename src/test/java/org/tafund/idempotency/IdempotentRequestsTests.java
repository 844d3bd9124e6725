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
