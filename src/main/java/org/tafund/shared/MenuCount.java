package org.tafund.shared;

import java.util.function.Supplier;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.http.HttpServletRequest;

/** A count shown in the menu (approvals awaiting, unread notifications): asked only when a page shows the menu. */
public final class MenuCount {

	private MenuCount() {
	}

	/**
	 * The count for a signed-in user's page; none for the API, a form's POST (it redirects to a
	 * page), an error page, or while the database is away (the page itself says so).
	 */
	public static Long of(HttpServletRequest request, Supplier<Long> count) {
		if (!"GET".equals(request.getMethod()) || request.getRequestURI().startsWith(request.getContextPath() + "/api/")
				|| request.getUserPrincipal() == null || request.getDispatcherType() == DispatcherType.ERROR) {
			return null;
		}
		try {
			return count.get();
		}
		catch (RuntimeException e) {
			if (DatabaseUnavailable.causes(e)) {
				return null;
			}
			throw e;
		}
	}

}
