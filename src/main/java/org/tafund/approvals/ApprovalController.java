package org.tafund.approvals;

import java.math.BigDecimal;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.tafund.shared.RefusalReturnsTo;

/**
 * "Awaiting my approval": the records others made that the signed-in user may decide, their own
 * pending and decided records, and the latest decisions; and the administrator's page of which
 * actions need a second person. A refusal (one's own record, a booking rule) comes back to the list.
 */
@Controller
class ApprovalController {

	private final Approvals approvals;

	ApprovalController(Approvals approvals) {
		this.approvals = approvals;
	}

	@GetMapping("/approvals")
	String list(Model model) {
		model.addAttribute("awaiting", approvals.awaitingMe());
		model.addAttribute("mine", approvals.mine());
		model.addAttribute("decided", approvals.decided());
		return "approvals/list";
	}

	@PostMapping("/approvals/{id}/approve")
	@RefusalReturnsTo("/approvals#approval-{id}")
	String approve(@PathVariable long id, @RequestParam(required = false) String reason, RedirectAttributes flash) {
		try {
			approvals.approve(id, reason);
		}
		catch (org.tafund.security.SecondFactorConfirmation.Required e) {
			flash.addFlashAttribute("message", "secondFactor.confirm.toApprove");
			return "redirect:" + org.tafund.security.SecondFactorConfirmation.Required.confirmationPage("/approvals#approval-" + id);
		}
		flash.addFlashAttribute("message", "approval.approved");
		return "redirect:/approvals";
	}

	@PostMapping("/approvals/{id}/reject")
	@RefusalReturnsTo("/approvals#approval-{id}")
	String reject(@PathVariable long id, @RequestParam(required = false) String reason, RedirectAttributes flash) {
		approvals.reject(id, reason);
		flash.addFlashAttribute("message", "approval.rejected");
		return "redirect:/approvals";
	}

	@PostMapping("/approvals/{id}/withdraw")
	@RefusalReturnsTo("/approvals#approval-{id}")
	String withdraw(@PathVariable long id, RedirectAttributes flash) {
		approvals.withdraw(id);
		flash.addFlashAttribute("message", "approval.withdrawn");
		return "redirect:/approvals";
	}

	/** The threshold as typed: empty is none; anything but a plain amount is refused with a message. */
	private static BigDecimal amount(String typed) {
		if (typed == null || typed.isBlank()) {
			return null;
		}
		try {
			return new BigDecimal(typed.strip());
		}
		catch (NumberFormatException e) {
			throw org.tafund.shared.BusinessRuleViolation.ofField("threshold", "approval.threshold.notAnAmount", typed);
		}
	}

	@GetMapping("/admin/approvals")
	String policies(Model model) {
		model.addAttribute("policies", approvals.policies());
		return "approvals/policies";
	}

	@PostMapping("/admin/approvals/{action}")
	@RefusalReturnsTo("/admin/approvals#policy-{action}")
	String setPolicy(@PathVariable ApprovalAction action, @RequestParam(defaultValue = "false") boolean required,
			@RequestParam(required = false) String threshold, RedirectAttributes flash) {
		approvals.setPolicy(action, required, amount(threshold));
		flash.addFlashAttribute("message", "approval.policy.saved");
		return "redirect:/admin/approvals";
	}

}
