package org.tafund.contributions;

import java.math.BigDecimal;
import java.time.LocalDate;

import jakarta.persistence.Column;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import org.hibernate.envers.Audited;
import org.tafund.fx.AppliedRate;
import org.tafund.shared.AuditableEntity;
import org.tafund.shared.BusinessRuleViolation;
import org.tafund.shared.ConvertedAmount;
import org.tafund.shared.Money;
import org.tafund.shared.Text;

/**
 * Cash received on an agreement: its original amount, its USD equivalent, the rate and the
 * rate's date, and its value in the agreement's currency, all fixed forever. A mistake is undone
 * by a reversal: a second receipt with the opposite amounts, pointing at the first.
 */
@Entity
@Table(name = "receipt")
@Audited
class Receipt extends AuditableEntity {

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;

	@Column(name = "agreement_id", nullable = false, updatable = false)
	private Long agreementId;

	@Column(name = "received_on", nullable = false, updatable = false)
	private LocalDate receivedOn;

	@Embedded
	private ConvertedAmount converted;

	@Column(name = "agreement_amount", nullable = false, updatable = false, precision = 19, scale = 4)
	private BigDecimal agreementAmount;

	@Column(name = "agreement_rate", nullable = false, updatable = false, precision = 19, scale = 8)
	private BigDecimal agreementRate;

	@Column(name = "agreement_rate_date", nullable = false, updatable = false)
	private LocalDate agreementRateDate;

	@Column(name = "bank_reference", updatable = false, length = 100)
	private String bankReference;

	@Column(updatable = false, length = 500)
	private String note;

	@Column(nullable = false, updatable = false)
	private boolean overpayment;

	@Column(name = "reversal_of", updatable = false)
	private Long reversalOf;

	@Column(updatable = false, length = 500)
	private String reason;

	protected Receipt() {
	}

	/**
	 * A receipt in any currency: converted to USD at the UN rate of its date, and from USD to the
	 * agreement's currency at that currency's rate of the same date.
	 */
	Receipt(Long agreementId, LocalDate receivedOn, Money amount, AppliedRate rate, String agreementCurrency,
			AppliedRate agreementRate, String bankReference, String note, boolean overpayment) {
		if (!amount.isPositive()) {
			throw new BusinessRuleViolation("receipt.amount.positive");
		}
		this.converted = rate.convert(amount);
		var usd = converted.usd();
		var inAgreementCurrency = amount.currency().equals(agreementCurrency) ? amount : agreementRate.fromUsd(usd);
		this.agreementId = agreementId;
		this.receivedOn = receivedOn;
		this.agreementAmount = inAgreementCurrency.amount();
		this.agreementRate = agreementRate.unitsPerUsd();
		this.agreementRateDate = agreementRate.effectiveDate();
		this.bankReference = Text.bounded(bankReference, 100, "bankReference");
		this.note = Text.bounded(note, 500, "note");
		this.overpayment = overpayment;
	}

	/** The entry that undoes this one, on {@code on}, with the same rates and opposite amounts. */
	Receipt reversal(LocalDate on, String why) {
		if (reversalOf != null) {
			throw new BusinessRuleViolation("receipt.reverseReversal");
		}
		if (why == null || why.isBlank()) {
			throw new BusinessRuleViolation("receipt.reversal.reason");
		}
		var reversal = new Receipt();
		reversal.agreementId = agreementId;
		reversal.receivedOn = on;
		reversal.converted = converted.negated();
		reversal.agreementAmount = agreementAmount.negate();
		reversal.agreementRate = agreementRate;
		reversal.agreementRateDate = agreementRateDate;
		reversal.bankReference = bankReference;
		reversal.overpayment = overpayment;
		reversal.reversalOf = id;
		reversal.reason = Text.bounded(why, 500, "reason");
		return reversal;
	}

	Long getId() {
		return id;
	}

	Long getReversalOf() {
		return reversalOf;
	}

	Long getAgreementId() {
		return agreementId;
	}

	Money inAgreementCurrency(String agreementCurrency) {
		return new Money(agreementAmount, agreementCurrency);
	}

	Money usd() {
		return converted.usd();
	}

	/** As stored: the receipt's value in the agreement's currency, to four decimals. */
	BigDecimal storedAgreementAmount() {
		return agreementAmount;
	}

	ReceiptView view(String agreementCurrency, boolean reversed) {
		return new ReceiptView(id, agreementId, receivedOn, converted.original(), converted.rate(),
				converted.rateDate(), usd(),
				inAgreementCurrency(agreementCurrency), agreementRate, agreementRateDate, bankReference, note,
				overpayment, reversalOf, reason, reversed, getCreatedBy(), getCreatedAt());
	}

}
