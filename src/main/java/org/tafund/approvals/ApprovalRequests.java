package org.tafund.approvals;

import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;

import jakarta.persistence.LockModeType;

import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Query;

interface ApprovalRequests extends JpaRepository<ApprovalRequest, Long> {

	@Lock(LockModeType.PESSIMISTIC_WRITE)
	@Query("select r from ApprovalRequest r where r.id = :id")
	Optional<ApprovalRequest> findForUpdate(long id);

	@Query("select r from ApprovalRequest r where r.status = org.tafund.approvals.ApprovalStatus.PENDING "
			+ "and r.action in :actions and r.madeBy <> :user order by r.madeAt, r.id")
	List<ApprovalRequest> awaiting(List<ApprovalAction> actions, String user, Pageable page);

	@Query("select count(r) from ApprovalRequest r where r.status = org.tafund.approvals.ApprovalStatus.PENDING "
			+ "and r.action in :actions and r.madeBy <> :user")
	long countAwaiting(List<ApprovalAction> actions, String user);

	@Query("select r from ApprovalRequest r where r.madeBy = :user order by r.madeAt desc, r.id desc")
	List<ApprovalRequest> madeBy(String user, Pageable page);

	@Query("select r from ApprovalRequest r where r.status <> org.tafund.approvals.ApprovalStatus.PENDING "
			+ "order by r.decidedAt desc, r.id desc")
	List<ApprovalRequest> decided(Pageable page);

	@Query("select r from ApprovalRequest r where r.subjectType = :type and r.subjectId = :id "
			+ "and r.status = org.tafund.approvals.ApprovalStatus.PENDING order by r.madeAt, r.id")
	List<ApprovalRequest> pendingOf(String type, long id);

	@Query("select coalesce(sum(r.amountUsd), 0) from ApprovalRequest r where r.action = :action "
			+ "and r.status = org.tafund.approvals.ApprovalStatus.PENDING")
	BigDecimal pendingUsd(ApprovalAction action);

}
