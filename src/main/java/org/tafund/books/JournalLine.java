package org.tafund.books;

import java.math.BigDecimal;
import java.time.LocalDate;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EntityListeners;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;

import org.hibernate.annotations.Immutable;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** A line of a posted entry, read-only like its entry. */
@Entity
@Table(name = "journal_line")
@Immutable
@EntityListeners(AppendOnly.class)
class JournalLine {

	@Id
	private Long id;

	@ManyToOne(fetch = FetchType.LAZY)
	@JoinColumn(name = "entry_id")
	private JournalEntry entry;

	@Column(name = "line_no")
	private int lineNo;

	@Column(name = "accounting_date")
	private LocalDate accountingDate;

	@Enumerated(EnumType.STRING)
	@Column(name = "account_code")
	private Account account;

	@Enumerated(EnumType.STRING)
	@Column(name = "segment_code")
	private Segment segment;

	@Column(name = "debit_usd", precision = 19, scale = 2)
	private BigDecimal debitUsd;

	@Column(name = "credit_usd", precision = 19, scale = 2)
	private BigDecimal creditUsd;

	@Column(name = "original_amount", precision = 19, scale = 4)
	private BigDecimal originalAmount;

	@JdbcTypeCode(SqlTypes.CHAR)
	@Column(length = 3)
	private String currency;

	@Column(precision = 19, scale = 8)
	private BigDecimal rate;

	@Column(name = "rate_date")
	private LocalDate rateDate;

	@Column(name = "donor_id")
	private Long donorId;

	@Column(name = "donor_type")
	private String donorType;

	@Column(name = "agreement_id")
	private Long agreementId;

	@Column(name = "funding_window")
	private String fundingWindow;

	private String earmark;

	@Column(name = "project_id")
	private Long projectId;

	@Column(name = "activity_id")
	private Long activityId;

	@Column(name = "budget_category")
	private String budgetCategory;

	protected JournalLine() {
	}

	Long getId() {
		return id;
	}

	JournalEntryView.Line view() {
		return new JournalEntryView.Line(lineNo, account, segment, debitUsd, creditUsd, originalAmount, currency, rate,
				rateDate, new Dimensions(donorId, donorType, agreementId, fundingWindow, earmark, projectId, activityId,
						budgetCategory));
	}

}
