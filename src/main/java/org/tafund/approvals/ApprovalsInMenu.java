package org.tafund.approvals;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.tafund.shared.MenuCount;

/** The count beside "Approvals" in the menu: records awaiting the signed-in user's decision. */
@ControllerAdvice(annotations = Controller.class)
class ApprovalsInMenu {

	private final Approvals approvals;

	ApprovalsInMenu(Approvals approvals) {
		this.approvals = approvals;
	}

	@ModelAttribute("approvalsAwaiting")
	Long awaiting(HttpServletRequest request) {
		return MenuCount.of(request, approvals::countAwaitingMe);
	}

}
