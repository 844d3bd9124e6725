package org.tafund.support;

import java.io.Closeable;
import java.io.IOException;
import java.time.Clock;

import javax.sql.DataSource;

import org.flywaydb.core.Flyway;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.flyway.autoconfigure.FlywayMigrationStrategy;
import org.springframework.boot.jdbc.autoconfigure.JdbcConnectionDetails;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.core.env.Environment;

/**
 * Points the application at {@link TestDatabase}: the shared test database, kept from one run to
 * the next (tests create their own data under names unique to the run), or for an
 * {@link OwnDatabase} class a database created for it and dropped afterwards. "Now" is
 * {@link TestClock}.
 */
@TestConfiguration(proxyBeanMethods = false)
public class TestDatabaseConfiguration {

	@Bean
	JdbcConnectionDetails testDatabase(Environment environment) {
		var server = TestDatabase.get();
		var own = environment.getProperty(OwnDatabaseContextCustomizerFactory.PROPERTY);
		if (own != null) {
			ScratchDatabase.create(server, own);
		}
		var db = own == null ? server : server.withDatabase(own);
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

	/**
	 * Migrates what is there. A database migrated by other scripts than these (an older branch
	 * edited a migration) is emptied first, since its data could not be trusted anyway.
	 */
	@Bean
	FlywayMigrationStrategy migrateKeepingData() {
		return flyway -> {
			var validation = Flyway.configure()
				.configuration(flyway.getConfiguration())
				.ignoreMigrationPatterns("*:pending", "*:future")
				.load()
				.validateWithResult();
			if (!validation.validationSuccessful) {
				Flyway.configure().configuration(flyway.getConfiguration()).cleanDisabled(false).load().clean();
			}
			flyway.migrate();
		};
	}

	/** Drops an {@link OwnDatabase} class's database when its context closes. */
	@Bean
	DisposableBean dropOwnDatabase(Environment environment, ObjectProvider<DataSource> dataSource) {
		var own = environment.getProperty(OwnDatabaseContextCustomizerFactory.PROPERTY);
		return () -> {
			if (own == null) {
				return;
			}
			if (dataSource.getIfAvailable() instanceof Closeable pool) {
				try {
					pool.close();
				}
				catch (IOException e) {
					// the pool is going away with the context in any case
				}
			}
			ScratchDatabase.drop(TestDatabase.get(), own);
		};
	}

	@Bean
	@Primary
	Clock testClock() {
		return TestClock.CLOCK;
	}

	/** MockMvc requests that carry a {@link TestSession} keep its cookie up to date, as a browser does. */
	@Bean
	org.springframework.boot.webmvc.test.autoconfigure.MockMvcBuilderCustomizer sessionCookies() {
		return builder -> builder.alwaysDo(TestSession::afterRequest);
	}

	/** E-mails go to the run's own SMTP server ({@link TestMail}). */
	@Bean
	org.springframework.test.context.DynamicPropertyRegistrar testMailServer() {
		return registry -> {
			registry.add("tafund.mail.host", () -> "127.0.0.1");
			registry.add("tafund.mail.port", TestMail::port);
			registry.add("tafund.mail.from", () -> "tafund@tafund.test");
		};
	}

	/** Counts statements per request where a test asks ({@link Statements}). */
	@Bean
	static org.springframework.beans.factory.config.BeanPostProcessor countStatements() {
		return Statements.wrapper();
	}

}
