package org.tafund.contributions;

import java.util.List;
import java.util.Optional;

import jakarta.persistence.LockModeType;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Query;

interface Agreements extends JpaRepository<Agreement, Long>,
		org.springframework.data.jpa.repository.JpaSpecificationExecutor<Agreement> {

	boolean existsByReference(String reference);

	List<Agreement> findByDonorIdOrderBySignedOnDescIdDesc(Long donorId);

	/**
	 * Locks every agreement in another currency than USD (and, through the scan, the room for new
	 * ones) for a revaluation run: an event of one of them waits for the run and then sees it, or
	 * the run waits for the event and then counts it.
	 */
	@Lock(LockModeType.PESSIMISTIC_WRITE)
	@Query("select a.id from Agreement a where a.currency <> 'USD'")
	List<Long> lockInOtherCurrencies();

	@Query("select distinct a.currency from Agreement a where a.currency <> 'USD' order by a.currency")
	List<String> otherCurrencies();

	/** Receipts and refunds of one agreement queue up behind each other: the balance check stays true. */
	@Lock(LockModeType.PESSIMISTIC_WRITE)
	@Query("select a from Agreement a where a.id = :id")
	Optional<Agreement> findForUpdate(Long id);

	/**
	 * The receivables to revalue at a period end: an agreement cancelled after it was still
	 * receivable then (the cancellation is dated on its own day); a closed one too, since a receipt
	 * reversed after closing can leave it owed money.
	 */
	@Query("""
			select a from Agreement a where a.signedOn is not null and a.signedOn <= :periodEnd
			and (a.cancelledOn is null or a.cancelledOn > :periodEnd)
			and a.currency <> 'USD' and a.conditional = false and a.inKind = false
			order by a.id""")
	List<Agreement> openInOtherCurrenciesSignedBy(java.time.LocalDate periodEnd);

	@Query("select a.reference, a.donorId from Agreement a where a.reference in :references")
	List<Object[]> donorsOfReferences(java.util.Collection<String> references);

	@Query("select distinct a.fundingWindow from Agreement a where a.id in :ids")
	List<FundingWindow> windowsOf(java.util.Collection<Long> ids);

}
