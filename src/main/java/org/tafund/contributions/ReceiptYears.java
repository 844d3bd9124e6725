package org.tafund.contributions;

import java.math.BigDecimal;
import java.time.LocalDate;

import javax.sql.DataSource;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Each agreement's receipts summed per calendar year in its own currency ({@code receipt_agreement_year},
 * V48), added to in the transaction that stores a receipt or a reversal (a negative receipt), so
 * that a report of a year reads one row per agreement instead of every receipt since its signature.
 */
@Component
class ReceiptYears {

	private final JdbcClient jdbc;

	ReceiptYears(DataSource dataSource) {
		this.jdbc = JdbcClient.create(dataSource);
	}

	void add(long agreementId, LocalDate receivedOn, BigDecimal agreementAmount) {
		// Portable to MySQL, MariaDB and H2 in MySQL mode, as the journal's totals.
		jdbc.sql("INSERT INTO receipt_agreement_year (book_year, agreement_id, agreement_amount) VALUES (:year, :agreement, "
				+ ":amount) ON DUPLICATE KEY UPDATE agreement_amount = agreement_amount + VALUES(agreement_amount)")
			.param("year", receivedOn.getYear())
			.param("agreement", agreementId)
			.param("amount", agreementAmount)
			.update();
	}

}
