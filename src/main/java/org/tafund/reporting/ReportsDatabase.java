package org.tafund.reporting;

import java.sql.Timestamp;
import java.time.Instant;

import javax.sql.DataSource;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.TransactionStatus;

import com.zaxxer.hikari.HikariDataSource;

/**
 * Where the reports read: a read replica of the database when {@code TAFUND_REPORTS_DB_URL} names
 * one (MySQL or MariaDB, with {@code _USER} and {@code _PASSWORD}), so that a long report or export
 * does not weigh on the database that records; else the database itself. Every write stays on the
 * primary. Report methods run in transactions of their own data source ({@link #TRANSACTIONS}), so
 * a report's figures come from one snapshot of the replica.
 */
@Configuration(proxyBeanMethods = false)
class ReportsDatabase implements DisposableBean {

	/** The transaction manager of the reports' data source (not the application's default one). */
	static final String TRANSACTIONS = "reportsTransactions";

	private final DataSource dataSource;

	private final HikariDataSource replica;

	ReportsDatabase(DataSource primary, @Value("${tafund.reports.db.url:}") String url,
			@Value("${tafund.reports.db.user:}") String user, @Value("${tafund.reports.db.password:}") String password) {
		if (url.isBlank()) {
			this.replica = null;
			this.dataSource = primary;
			return;
		}
		var pool = new HikariDataSource();
		pool.setPoolName("reports");
		pool.setJdbcUrl(url.strip());
		pool.setUsername(user);
		pool.setPassword(password);
		pool.setReadOnly(true);
		pool.setMaximumPoolSize(5);
		// As for the primary: a replica that is away answers 503 within seconds, and the application
		// starts without it.
		pool.setConnectionTimeout(2500);
		pool.setInitializationFailTimeout(-1);
		this.replica = pool;
		this.dataSource = pool;
	}

	/** The reports on the database itself, for callers outside Spring. */
	static ReportsDatabase on(DataSource primary) {
		return new ReportsDatabase(primary, "", "", "");
	}

	DataSource dataSource() {
		return dataSource;
	}

	boolean replica() {
		return replica != null;
	}

	/** When the reports read a replica: how current it is, for the report to say so. */
	record AsOf(Instant latestPosting) {
	}

	/** Null when the reports read the database itself, which is current by definition. */
	AsOf asOf() {
		if (replica == null) {
			return null;
		}
		var latest = JdbcClient.create(replica)
			.sql("SELECT MAX(posted_at) FROM journal_entry")
			.query((rs, n) -> rs.getTimestamp(1))
			.optional()
			.map(Timestamp::toInstant)
			.orElse(null);
		return new AsOf(latest);
	}

	/**
	 * On a replica, transactions of its own data source; on the database itself, the application's
	 * own transaction manager, since a report may call a service whose transaction joins it. Not a
	 * default candidate: {@code @Transactional} without a name keeps the application's manager, and
	 * Spring Boot still configures it.
	 */
	@Bean(name = TRANSACTIONS, defaultCandidate = false)
	PlatformTransactionManager reportsTransactions(ObjectProvider<PlatformTransactionManager> application) {
		if (replica != null) {
			return new DataSourceTransactionManager(replica);
		}
		return new PlatformTransactionManager() {

			@Override
			public TransactionStatus getTransaction(TransactionDefinition definition) {
				return application.getObject().getTransaction(definition);
			}

			@Override
			public void commit(TransactionStatus status) {
				application.getObject().commit(status);
			}

			@Override
			public void rollback(TransactionStatus status) {
				application.getObject().rollback(status);
			}

		};
	}

	@Override
	public void destroy() {
		if (replica != null) {
			replica.close();
		}
	}

}
