package org.tafund.reporting;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * The voice of the export a request asks for: the reader's language (the page's), or machine codes
 * when the address says {@code codes=true}, for data exchange.
 */
@Component
class ExportVoices {

	private final MessageSource messages;

	ExportVoices(MessageSource messages) {
		this.messages = messages;
	}

	Exports.Voice current() {
		boolean codes = RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes request
				&& "true".equalsIgnoreCase(request.getRequest().getParameter("codes"));
		return new Exports.Voice(messages, LocaleContextHolder.getLocale(), codes);
	}

}
