package org.tafund.notifications;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.tafund.shared.MenuCount;

/** The count on the bell in the menu: the signed-in user's unread notifications. */
@ControllerAdvice(annotations = Controller.class)
class NotificationsInMenu {

	private final Notifications notifications;

	NotificationsInMenu(Notifications notifications) {
		this.notifications = notifications;
	}

	@ModelAttribute("unreadNotifications")
	Long unread(HttpServletRequest request) {
		return MenuCount.of(request, () -> notifications.unread(request.getUserPrincipal().getName()));
	}

}
