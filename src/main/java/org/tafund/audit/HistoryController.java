package org.tafund.audit;

import java.util.Map;
import java.util.Set;

import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.tafund.security.Right;

/**
 * The History panel of a record's page, loaded with htmx: who changed what, before and after.
 * Whoever may read the record may read its history, and nobody else (the audit trail itself stays
 * with ADMIN and AUDITOR).
 */
@Controller
class HistoryController {

	private final AuditTrail trail;

	HistoryController(AuditTrail trail) {
		this.trail = trail;
	}

	/**
	 * The records not every signed-in user may read, with the rights that read them: a record's
	 * history tells what the record itself does (a user account's e-mail and roles).
	 */
	private static final Map<String, Set<Right>> READERS = Map.of("AppUser", Set.of(Right.AUDIT), "ApprovalPolicy",
			Set.of(Right.AUDIT), "PeriodClose", Set.of(Right.READ_BOOKS), "ApprovalRequest",
			Set.of(Right.AUDIT, Right.KEEP_ACCOUNTS, Right.RUN_PROJECTS, Right.APPROVE));

	@GetMapping("/history/{entity}/{id}")
	String history(@PathVariable String entity, @PathVariable String id, Model model) {
		var readers = READERS.get(entity);
		var user = SecurityContextHolder.getContext().getAuthentication();
		if (readers != null && readers.stream().noneMatch(right -> right.heldBy(user))) {
			throw new AccessDeniedException("The history of " + entity + " is not for this role.");
		}
		model.addAttribute("history", trail.history(entity, id));
		return "audit/history :: history";
	}

}
