package org.tafund.reporting;

import jakarta.servlet.http.HttpServletResponse;

import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/**
 * When reports read a replica, each says how current it is: a note on the page, and the header
 * {@code X-Reports-As-Of} (the latest posting the replica holds, ISO-8601 UTC) on pages, exports
 * and the report API.
 */
@ControllerAdvice(assignableTypes = { ReportController.class, ReportPagesController.class, BooksReportsController.class,
		ReportApiController.class })
class ReportsAsOf {

	static final String HEADER = "X-Reports-As-Of";

	private final ReportsDatabase reports;

	ReportsAsOf(ReportsDatabase reports) {
		this.reports = reports;
	}

	@ModelAttribute("reportsAsOf")
	ReportsDatabase.AsOf asOf(HttpServletResponse response) {
		var asOf = reports.asOf();
		if (asOf != null) {
			response.setHeader(HEADER, asOf.latestPosting() == null ? "none" : asOf.latestPosting().toString());
		}
		return asOf;
	}

}
