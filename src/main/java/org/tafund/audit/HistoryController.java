package org.tafund.audit;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/**
 * The History panel of a record's page, loaded with htmx: who changed what, before and after.
 * Whoever may read the record may read its history (the audit trail itself stays with ADMIN and
 * AUDITOR).
 */
@Controller
class HistoryController {

	private final AuditTrail trail;

	HistoryController(AuditTrail trail) {
		this.trail = trail;
	}

	@GetMapping("/history/{entity}/{id}")
	String history(@PathVariable String entity, @PathVariable String id, Model model) {
		model.addAttribute("history", trail.history(entity, id));
		return "audit/history :: history";
	}

}
