package org.tafund.contributions;

import java.math.BigDecimal;
import java.net.URI;
import java.time.LocalDate;
import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.tafund.idempotency.IdempotentRequests;
import org.tafund.idempotency.StoredResponse;
import org.tafund.shared.ETags;

import tools.jackson.databind.json.JsonMapper;

/**
 * Agreements, receipts, reversals, refunds and amendments over JSON. Receipts and refunds accept
 * an {@code Idempotency-Key}; amendments need the agreement's ETag in {@code If-Match}.
 */
@RestController
@RequestMapping("/api/v1")
class ContributionApiController {

	private final ContributionManagement contributions;

	private final IdempotentRequests idempotent;

	private final JsonMapper json;

	ContributionApiController(ContributionManagement contributions, IdempotentRequests idempotent, JsonMapper json) {
		this.contributions = contributions;
		this.idempotent = idempotent;
		this.json = json;
	}

	record ReversalRequest(@NotBlank @Size(max = 500) String reason) {
	}

	record RefundRequest(@NotNull LocalDate refundedOn, @NotNull @Positive BigDecimal amount,
			@NotBlank @Size(max = 500) String reason) {
	}

	record AmendmentRequest(@NotNull LocalDate amendedOn, @NotBlank @Size(max = 500) String reason,
			@NotNull @Positive BigDecimal amount, @NotEmpty @Valid List<AgreementRequest.@NotNull Line> instalments) {
	}

	record PledgeRequest(@NotNull Long donorId, @NotNull LocalDate pledgedOn, @NotNull @Positive BigDecimal amount,
			@NotBlank @Size(min = 3, max = 3) String currency, FundingWindow window, @Size(max = 500) String note) {
	}

	record RevaluationRequest(@NotNull LocalDate periodEnd) {
	}

	@PostMapping("/pledges")
	ResponseEntity<Pledge.PledgeView> pledge(@Valid @RequestBody PledgeRequest request) {
		var pledge = contributions.recordPledge(request.donorId(), request.pledgedOn(), request.amount(),
				request.currency(), request.window(), request.note());
		return ResponseEntity.status(HttpStatus.CREATED).body(pledge);
	}

	@GetMapping("/pledges")
	List<Pledge.PledgeView> pledges(@org.springframework.web.bind.annotation.RequestParam(required = false) Long donorId) {
		return contributions.pledgesOf(donorId);
	}

	@PostMapping("/revaluations")
	ResponseEntity<Object> revalue(@Valid @RequestBody RevaluationRequest request) {
		var run = contributions.submitRevaluation(request.periodEnd());
		return ResponseEntity.status(run.status()).body(run.body());
	}

	@GetMapping("/revaluations")
	List<RevaluationView> revaluations() {
		return contributions.revaluations();
	}

	@PostMapping("/agreements")
	ResponseEntity<AgreementView> create(@Valid @RequestBody AgreementRequest request) {
		var agreement = request.pledgeId() == null ? contributions.createAgreement(request.toTerms())
				: contributions.createAgreementFromPledge(request.pledgeId(), request.toTerms());
		return ResponseEntity.created(URI.create("/api/v1/agreements/" + agreement.id()))
			.eTag(etag(agreement))
			.body(agreement);
	}

	@GetMapping("/agreements/{id}")
	ResponseEntity<AgreementView> show(@PathVariable long id) {
		var agreement = contributions.agreement(id);
		return ResponseEntity.ok().eTag(etag(agreement)).body(agreement);
	}

	@GetMapping("/donors/{donorId}/agreements")
	List<AgreementView> ofDonor(@PathVariable long donorId) {
		return contributions.agreementsOf(donorId);
	}

	@PostMapping("/agreements/{id}/amendments")
	ResponseEntity<AgreementView> amend(@PathVariable long id,
			@RequestHeader(name = "If-Match", required = false) String ifMatch,
			@Valid @RequestBody AmendmentRequest request) {
		var agreement = contributions.amend(id, ETags.expectedVersion(ifMatch), request.amendedOn(), request.reason(),
				request.amount(), AgreementRequest.lines(request.instalments()));
		return ResponseEntity.ok().eTag(etag(agreement)).body(agreement);
	}

	@GetMapping("/agreements/{id}/receipts")
	List<ReceiptView> receipts(@PathVariable long id) {
		return contributions.agreement(id).receipts();
	}

	@PostMapping("/agreements/{id}/receipts")
	ResponseEntity<String> recordReceipt(@PathVariable long id,
			@RequestHeader(name = "Idempotency-Key", required = false) String key,
			@Valid @RequestBody ReceiptRequest request) {
		return once(key, "receipt:" + id, request.toString(),
				() -> stored(contributions.submitReceipt(id, request.toCommand())));
	}

	@PostMapping("/receipts/{id}/reversal")
	ResponseEntity<String> reverse(@PathVariable long id, @Valid @RequestBody ReversalRequest request) {
		var response = stored(contributions.submitReversal(id, request.reason()));
		return ResponseEntity.status(response.status()).contentType(MediaType.APPLICATION_JSON).body(response.body());
	}

	@PostMapping("/agreements/{id}/refunds")
	ResponseEntity<String> refund(@PathVariable long id,
			@RequestHeader(name = "Idempotency-Key", required = false) String key,
			@Valid @RequestBody RefundRequest request) {
		return once(key, "refund:" + id, request.toString(),
				() -> stored(contributions.submitRefund(id, request.refundedOn(), request.amount(), request.reason())));
	}

	private ResponseEntity<String> once(String key, String scope, String request,
			java.util.function.Supplier<StoredResponse> work) {
		var response = key == null ? work.get() : idempotent.run(scope, key, request, work);
		return ResponseEntity.status(response.status()).contentType(MediaType.APPLICATION_JSON).body(response.body());
	}

	/**
	 * 201 with what was booked, or 202 with the pending record when it waits for a second person's
	 * approval (its address is {@code /api/v1/approvals/{id}}).
	 */
	private StoredResponse stored(org.tafund.approvals.Submitted<?> submitted) {
		return new StoredResponse(submitted.status(), json.writeValueAsString(submitted.body()));
	}

	static String etag(AgreementView agreement) {
		return ETags.of(agreement.version());
	}

}
