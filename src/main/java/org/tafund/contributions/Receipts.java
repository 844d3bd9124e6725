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
	 * The same, how many revaluation runs are at a period end on or after the date, and how many
	 * receipts of the agreement are dated after it: one round trip for a receipt, which needs them
	 * all (a run dated on or after it is adjusted; a later receipt is replayed).
	 */
	@Query("""
			select coalesce(sum(r.agreementAmount), 0),
			       (select count(run) from RevaluationRun run where run.periodEnd >= :date),
			       coalesce(sum(case when r.receivedOn > :date then 1 else 0 end), 0)
			from Receipt r where r.agreementId = :agreementId""")
	List<Object[]> netReceivedAndRunsOnOrAfter(Long agreementId, java.time.LocalDate date);

	/** How many receipts and reversals of the agreement are dated after the day. */
	@Query("select count(r) from Receipt r where r.agreementId = :agreementId and r.receivedOn > :date")
	long countLaterThan(Long agreementId, java.time.LocalDate date);

	@Query("select coalesce(sum(r.converted.usdAmount), 0) from Receipt r where r.agreementId = :agreementId")
	BigDecimal netReceivedUsd(Long agreementId);

	boolean existsByReversalOf(Long receiptId);

	/** Per agreement: received net of reversals in its currency, and in USD. */
	@Query("select r.agreementId, sum(r.agreementAmount), sum(r.converted.usdAmount) from Receipt r group by r.agreementId")
	List<Object[]> netReceivedByAgreement();

	/** Per agreement of {@code ids}: received net of reversals in its currency (one statement for a list page). */
	@Query("select r.agreementId, sum(r.agreementAmount) from Receipt r where r.agreementId in :ids group by r.agreementId")
	List<Object[]> netReceivedOf(java.util.Collection<Long> ids);

	@Query("""
			select coalesce(sum(r.agreementAmount), 0) from Receipt r
			where r.agreementId = :agreementId and r.receivedOn <= :date""")
	BigDecimal netReceivedOnOrBefore(Long agreementId, java.time.LocalDate date);

}
