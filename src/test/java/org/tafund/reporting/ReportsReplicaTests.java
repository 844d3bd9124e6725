package org.tafund.reporting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import javax.sql.DataSource;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.tafund.contributions.AgreementTerms;
import org.tafund.contributions.ContributionManagement;
import org.tafund.contributions.FundingWindow;
import org.tafund.contributions.ReceiptCommand;
import org.tafund.contributions.ScheduleLine;
import org.tafund.donors.DonorDetails;
import org.tafund.donors.DonorManagement;
import org.tafund.donors.DonorType;
import org.tafund.support.IntegrationTest;
import org.tafund.support.OwnDatabase;
import org.tafund.support.TestDatabase;
import org.tafund.support.Unique;

import com.zaxxer.hikari.HikariDataSource;

/**
 * With {@code TAFUND_REPORTS_DB_URL} naming a second database (here a copy of this class's own
 * database, standing for a replica), reports read it and everything else reads and writes the
 * primary.
 */
@IntegrationTest
@OwnDatabase
class ReportsReplicaTests {

	static final String REPLICA = "tafund_replica_" + UUID.randomUUID().toString().substring(0, 8);

	@DynamicPropertySource
	static void replica(DynamicPropertyRegistry registry) {
		// Empty until the test copies its database into it.
		try (var c = TestDatabase.get().open(); var statement = c.createStatement()) {
			statement.execute("CREATE DATABASE IF NOT EXISTS " + REPLICA + " CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci");
		}
		catch (java.sql.SQLException e) {
			throw new IllegalStateException(e);
		}
		var replica = TestDatabase.get().withDatabase(REPLICA);
		registry.add("tafund.reports.db.url", replica::url);
		registry.add("tafund.reports.db.user", replica::username);
		registry.add("tafund.reports.db.password", replica::password);
	}

	@AfterAll
	static void dropReplica() throws Exception {
		try (var c = TestDatabase.get().open(); var statement = c.createStatement()) {
			statement.execute("DROP DATABASE IF EXISTS " + REPLICA);
		}
	}

	@Autowired
	MockMvc mvc;

	@Autowired
	DataSource dataSource;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	DonorManagement donors;

	@Autowired
	ContributionManagement contributions;

	@Test
	void reportsReadTheReplicaAndWritesGoToThePrimary() throws Exception {
		var name = Unique.name("Primary Donor");
		var donor = donors.register(new DonorDetails(name, DonorType.FOUNDATION, null, null, null, null, true, List.of()))
			.id();
		var agreement = contributions.createAgreement(new AgreementTerms(Unique.name("RR"), donor, "USD",
				new BigDecimal("2500.00"), FundingWindow.CPCJF_GENERAL_PURPOSE, null, 1, null, null, null, null, false, null,
				null, LocalDate.parse("2026-01-10"),
				List.of(new ScheduleLine(LocalDate.parse("2026-09-30"), new BigDecimal("2500.00")))));
		copyToReplica();
		var onlyThere = Unique.name("Only On The Replica");
		replica().update("update donor set name = ? where id = ?", onlyThere, donor);

		var page = mvc.perform(get("/reports/status-of-contributions?from=2026-01-01&to=2026-12-31")
			.with(user("d").roles("DONOR_RELATIONS"))).andReturn();
		assertThat(page.getResponse().getContentAsString()).contains(onlyThere)
			.doesNotContain(name)
			.contains("id=\"reports-as-of\"")
			.contains("Read from the reporting replica: figures as of");
		assertThat(page.getResponse().getHeader(ReportsAsOf.HEADER)).matches("\\d{4}-\\d\\d-\\d\\dT.*Z");
		var csv = mvc.perform(get("/reports/status-of-contributions.csv?from=2026-01-01&to=2026-12-31")
			.with(user("d").roles("DONOR_RELATIONS"))).andReturn().getResponse();
		assertThat(csv.getContentAsString()).contains(onlyThere);
		assertThat(csv.getHeader(ReportsAsOf.HEADER)).isNotNull();
		// Everything that is not a report reads the primary.
		assertThat(mvc.perform(get("/donors/{id}", donor).with(user("d").roles("DONOR_RELATIONS")))
			.andReturn()
			.getResponse()
			.getContentAsString()).contains(name).doesNotContain(onlyThere).doesNotContain("reports-as-of");

		// A write goes to the primary, not to the replica.
		contributions.recordReceipt(agreement.id(),
				new ReceiptCommand(LocalDate.parse("2026-03-01"), new BigDecimal("100.00"), "USD", null, null, false));
		assertThat(jdbc.queryForObject("select count(*) from receipt where agreement_id = ?", Integer.class, agreement.id()))
			.isEqualTo(1);
		assertThat(replica().queryForObject("select count(*) from receipt where agreement_id = ?", Integer.class,
				agreement.id())).isZero();
	}

	/** The primary's tables and rows, copied into the replica's database as a replica would hold them. */
	private void copyToReplica() {
		var primary = jdbc.queryForObject("select database()", String.class);
		jdbc.execute("SET FOREIGN_KEY_CHECKS = 0");
		try {
			for (var table : jdbc.queryForList("select table_name from information_schema.tables where table_schema = ? "
					+ "and table_type = 'BASE TABLE'", String.class, primary)) {
				jdbc.execute("CREATE TABLE " + REPLICA + "." + table + " LIKE " + primary + "." + table);
				jdbc.execute("INSERT INTO " + REPLICA + "." + table + " SELECT * FROM " + primary + "." + table);
			}
		}
		finally {
			jdbc.execute("SET FOREIGN_KEY_CHECKS = 1");
		}
	}

	private JdbcTemplate replica() {
		var replica = TestDatabase.get().withDatabase(REPLICA);
		var source = new org.springframework.jdbc.datasource.DriverManagerDataSource(replica.url(), replica.username(),
				replica.password());
		return new JdbcTemplate(source);
	}

}
