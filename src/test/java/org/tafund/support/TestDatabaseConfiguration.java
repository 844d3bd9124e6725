package org.tafund.support;

import org.flywaydb.core.Flyway;
import org.springframework.boot.flyway.autoconfigure.FlywayMigrationStrategy;
import org.springframework.boot.jdbc.autoconfigure.JdbcConnectionDetails;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;

/**
 * Points the application at {@link TestDatabase} and starts every test context from an empty,
 * freshly migrated schema: the shared database keeps nothing from earlier runs.
 */
@TestConfiguration(proxyBeanMethods = false)
public class TestDatabaseConfiguration {

	@Bean
	JdbcConnectionDetails testDatabase() {
		var db = TestDatabase.get();
		return new JdbcConnectionDetails() {
			@Override
			public String getUsername() {
				return db.username();
			}

			@Override
			public String getPassword() {
				return db.password();
			}

			@Override
			public String getJdbcUrl() {
				return db.url();
			}
		};
	}

	@Bean
	FlywayMigrationStrategy cleanThenMigrate() {
		return flyway -> {
			Flyway.configure().configuration(flyway.getConfiguration()).cleanDisabled(false).load().clean();
			flyway.migrate();
		};
	}

}
