package org.tafund.approvals;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/** The count beside "Approvals" in the menu: records awaiting the signed-in user's decision. */
@ControllerAdvice(annotations = Controller.class)
class ApprovalsInMenu {

	private final Approvals approvals;

	ApprovalsInMenu(Approvals approvals) {
		this.approvals = approvals;
	}

	@ModelAttribute("approvalsAwaiting")
	Long awaiting(HttpServletRequest request) {
		// Only pages show the menu; a form's POST redirects to one. No query for the API or a non-approver.
		if (!"GET".equals(request.getMethod()) || request.getRequestURI().startsWith(request.getContextPath() + "/api/")
				|| request.getUserPrincipal() == null || request.getDispatcherType() == jakarta.servlet.DispatcherType.ERROR) {
			return null;
		}
		try {
			return approvals.countAwaitingMe();
		}
		catch (RuntimeException e) {
			// With the database away the page itself says so; the menu goes without its count.
			if (org.tafund.shared.DatabaseUnavailable.causes(e)) {
				return null;
			}
			throw e;
		}
	}

}
