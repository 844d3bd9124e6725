package org.tafund.projects;

import java.math.BigDecimal;
import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface Allocations extends JpaRepository<Allocation, Long> {

	List<Allocation> findByProjectIdOrderByAllocatedOnAscIdAsc(Long projectId);

	@Query("select coalesce(sum(a.amountUsd), 0) from Allocation a where a.agreementId = :agreementId")
	BigDecimal totalForAgreement(Long agreementId);

	@Query("select a.agreementId, sum(a.amountUsd) from Allocation a group by a.agreementId")
	List<Object[]> totalsByAgreement();

	@Query("select coalesce(sum(a.amountUsd), 0) from Allocation a where a.projectId = :projectId")
	BigDecimal totalForProject(Long projectId);

	@Query("select a.projectId, sum(a.amountUsd) from Allocation a where a.projectId in :ids group by a.projectId")
	List<Object[]> totalsForProjects(java.util.Collection<Long> ids);

}
