package org.tafund.shell;

import io.micrometer.common.KeyValue;
import io.micrometer.observation.ObservationFilter;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.server.observation.ServerRequestObservationContext;
import org.tafund.shared.RequestId;

/**
 * Puts each request's id on its observation, and so on its span when traces are exported: the
 * reference a user reads on an error page finds the trace.
 */
@Configuration(proxyBeanMethods = false)
class RequestIdOnSpans {

	static final String KEY = "tafund.request.id";

	@Bean
	ObservationFilter requestIdOnServerSpans() {
		return context -> {
			if (context instanceof ServerRequestObservationContext server && server.getCarrier() != null) {
				var id = server.getCarrier().getAttribute(RequestIds.ATTRIBUTE);
				if (id instanceof String value) {
					server.addHighCardinalityKeyValue(KeyValue.of(KEY, value));
				}
			}
			return context;
		};
	}

}
