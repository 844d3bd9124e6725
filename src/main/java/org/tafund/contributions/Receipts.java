package org.tafund.contributions;

import java.math.BigDecimal;
import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface Receipts extends JpaRepository<Receipt, Long> {

	/** A receipt under a shared lock (a locking read, so it opens no snapshot of the transaction). */
	@org.springframework.data.jpa.repository.Lock(jakarta.persistence.LockModeType.PESSIMISTIC_READ)
	@org.springframework.data.jpa.repository.Query("select r from Receipt r where r.id = :id")
	java.util.Optional<Receipt> findLocked(Long id);


	List<Receipt> findByAgreementIdOrderByReceivedOnAscIdAsc(Long agreementId);

	/** Net cash in the agreement's currency: reversals carry negative amounts. */
	@Query("select coalesce(sum(r.agreementAmount), 0) from Receipt r where r.agreementId = :agreementId")
	BigDecimal netReceived(Long agreementId);

	/**
	 * The same, and how many revaluation runs are at a period end on or after the date: one round
	 * trip for a receipt, which needs both (a run dated on or after it is adjusted).
	 */
	@Query("""
			select coalesce(sum(r.agreementAmount), 0),
			       (select count(run) from RevaluationRun run where run.periodEnd >= :date)
			from Receipt r where r.agreementId = :agreementId""")
	List<Object[]> netReceivedAndRunsOnOrAfter(Long agreementId, java.time.LocalDate date);

	@Query("select coalesce(sum(r.converted.usdAmount), 0) from Receipt r where r.agreementId = :agreementId")
	BigDecimal netReceivedUsd(Long agreementId);

	boolean existsByReversalOf(Long receiptId);

	@Query("""
			select coalesce(sum(r.agreementAmount), 0) from Receipt r
			where r.agreementId = :agreementId and r.receivedOn <= :date""")
	BigDecimal netReceivedOnOrBefore(Long agreementId, java.time.LocalDate date);

}
