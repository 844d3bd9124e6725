package org.tafund.audit;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.tafund.shared.Paging;
import org.tafund.security.SecurityEventLog;

/** The audit pages, for ADMIN and AUDITOR (enforced by the security configuration). */
@Controller
@RequestMapping("/audit")
class AuditController {

	static final int PAGE_SIZE = 25;

	private final AuditTrail trail;

	private final SecurityEventLog signIns;

	AuditController(AuditTrail trail, SecurityEventLog signIns) {
		this.trail = trail;
		this.signIns = signIns;
	}

	@GetMapping
	String list(@RequestParam(defaultValue = "0") int page, @RequestParam(required = false) String user,
			Model model) {
		model.addAttribute("revisions", trail.revisions(user, Paging.page(page, PAGE_SIZE)));
		model.addAttribute("user", user);
		return "audit/revisions";
	}

	@GetMapping("/revisions/{number}")
	String show(@PathVariable long number, Model model) {
		model.addAttribute("revision", trail.revision(number));
		return "audit/revision";
	}

	@GetMapping("/sign-ins")
	String signIns(@RequestParam(defaultValue = "0") int page, @RequestParam(required = false) String user,
			Model model) {
		model.addAttribute("events", signIns.recent(user, Paging.page(page, PAGE_SIZE)));
		model.addAttribute("user", user);
		return "audit/sign-ins";
	}

}
