package org.tafund.audit;

import java.time.Clock;
import java.util.Optional;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.auditing.DateTimeProvider;
import org.springframework.data.domain.AuditorAware;
import org.springframework.data.jpa.repository.config.EnableJpaAuditing;

/** Fills created/updated at and by on every {@code AuditableEntity} from the clock and the signed-in user. */
@Configuration(proxyBeanMethods = false)
@EnableJpaAuditing(auditorAwareRef = "auditor", dateTimeProviderRef = "auditClock")
class JpaAuditingConfiguration {

	@Bean
	AuditorAware<String> auditor() {
		return () -> Optional.of(CurrentUsername.get());
	}

	@Bean
	DateTimeProvider auditClock(Clock clock) {
		return () -> Optional.of(clock.instant());
	}

}
