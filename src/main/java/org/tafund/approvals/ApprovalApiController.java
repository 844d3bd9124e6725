package org.tafund.approvals;

import java.math.BigDecimal;
import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Size;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Maker-checker on the API: what awaits the caller's decision, deciding it, withdrawing one's own,
 * and (administrators) which actions need a second person. A pending record's address is
 * {@code /api/v1/approvals/{id}}, as the 202 of the request that made it says.
 */
@RestController
@RequestMapping("/api/v1")
class ApprovalApiController {

	private final Approvals approvals;

	ApprovalApiController(Approvals approvals) {
		this.approvals = approvals;
	}

	/** A decision's reason: required to reject, optional to approve. */
	record Decision(@Size(max = 500) String reason) {
	}

	/** An action's policy: whether it needs a second person and above what USD amount (none: always). */
	record PolicyRequest(boolean required, BigDecimal thresholdUsd) {
	}

	@GetMapping("/approvals")
	List<ApprovalView> awaiting() {
		return approvals.awaitingMe();
	}

	@GetMapping("/approvals/mine")
	List<ApprovalView> mine() {
		return approvals.mine();
	}

	@GetMapping("/approvals/{id}")
	ApprovalView get(@PathVariable long id) {
		return approvals.get(id);
	}

	@PostMapping("/approvals/{id}/approve")
	ApprovalView approve(@PathVariable long id, @Valid @RequestBody(required = false) Decision decision) {
		return approvals.approve(id, decision == null ? null : decision.reason());
	}

	@PostMapping("/approvals/{id}/reject")
	ApprovalView reject(@PathVariable long id, @Valid @RequestBody(required = false) Decision decision) {
		return approvals.reject(id, decision == null ? null : decision.reason());
	}

	@PostMapping("/approvals/{id}/withdraw")
	ApprovalView withdraw(@PathVariable long id) {
		return approvals.withdraw(id);
	}

	@GetMapping("/approval-policies")
	List<Approvals.PolicyView> policies() {
		return approvals.policies();
	}

	@PutMapping("/approval-policies/{action}")
	Approvals.PolicyView setPolicy(@PathVariable ApprovalAction action, @RequestBody PolicyRequest request) {
		return approvals.setPolicy(action, request.required(), request.thresholdUsd());
	}

}
