package org.tafund.shell;

import java.sql.SQLException;
import java.util.Arrays;

import javax.sql.DataSource;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/** One line at startup that an operator can grep: profile, database product and version. */
@Component
class StartupReport {

	private static final Logger log = LoggerFactory.getLogger("tafund.startup");

	private final DataSource dataSource;

	private final Environment environment;

	StartupReport(DataSource dataSource, Environment environment) {
		this.dataSource = dataSource;
		this.environment = environment;
	}

	@EventListener(ApplicationReadyEvent.class)
	void report() throws SQLException {
		var profiles = environment.getActiveProfiles().length == 0 ? "default"
				: String.join(",", Arrays.asList(environment.getActiveProfiles()));
		try (var connection = dataSource.getConnection()) {
			var meta = connection.getMetaData();
			var url = meta.getURL() == null ? "" : meta.getURL().replaceAll("[?;].*$", "");
			log.info("tafund ready: profile {}, database {} {} at {}, port {}", profiles,
					meta.getDatabaseProductName(), meta.getDatabaseProductVersion(), url,
					environment.getProperty("local.server.port", "-"));
		}
	}

}
