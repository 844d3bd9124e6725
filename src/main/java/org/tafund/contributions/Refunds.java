package org.tafund.contributions;

import java.math.BigDecimal;
import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface Refunds extends JpaRepository<Refund, Long> {

	List<Refund> findByAgreementIdOrderByRefundedOnAscIdAsc(Long agreementId);

	@Query("select coalesce(sum(r.converted.amount), 0) from Refund r where r.agreementId = :agreementId")
	BigDecimal total(Long agreementId);

	@Query("select coalesce(sum(r.converted.usdAmount), 0) from Refund r where r.agreementId = :agreementId")
	BigDecimal totalUsd(Long agreementId);

	/** Per agreement: refunded in its currency, and in USD. */
	@Query("select r.agreementId, sum(r.converted.amount), sum(r.converted.usdAmount) from Refund r group by r.agreementId")
	java.util.List<Object[]> totalsByAgreement();

	/** Per agreement of {@code ids}: refunded in its currency (one statement for a list page). */
	@Query("select r.agreementId, sum(r.converted.amount) from Refund r where r.agreementId in :ids group by r.agreementId")
	java.util.List<Object[]> totalsOf(java.util.Collection<Long> ids);

}
