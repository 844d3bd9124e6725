package org.tafund.security;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/** Turns the missing-administrator stop into one readable sentence instead of a stack trace. */
class NoAdministratorFailureAnalyzer extends AbstractFailureAnalyzer<NoAdministratorConfigured> {

	@Override
	protected FailureAnalysis analyze(Throwable rootFailure, NoAdministratorConfigured cause) {
		return new FailureAnalysis(cause.getMessage(),
				"Set TAFUND_ADMIN_USER and TAFUND_ADMIN_PASSWORD in the environment.", cause);
	}

}
