package org.tafund.projects;

import java.math.BigDecimal;
import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface Expenditures extends JpaRepository<Expenditure, Long> {

	List<Expenditure> findByProjectIdOrderBySpentOnAscIdAsc(Long projectId);

	org.springframework.data.domain.Page<Expenditure> findByProjectId(Long projectId,
			org.springframework.data.domain.Pageable page);

	/** How many of a project's lines come before this one, newest first (spent on, then id): where its page is. */
	@Query("""
			select count(e) from Expenditure e, Expenditure line where line.id = :expenditureId
			and e.projectId = line.projectId
			and (e.spentOn > line.spentOn or (e.spentOn = line.spentOn and e.id > line.id))""")
	long countNewerThan(Long expenditureId);

	/** Spending and PSC by year and category of each project of {@code ids}: the budget tables of a list. */
	@Query("""
			select e.projectId, year(e.spentOn), e.category, sum(e.converted.usdAmount), sum(e.pscUsd) from Expenditure e
			where e.projectId in :ids group by e.projectId, year(e.spentOn), e.category""")
	List<Object[]> spentByYearAndCategoryOf(java.util.Collection<Long> ids);

	/** Spending plus PSC by year and month: what the burn-rate chart draws, summed in the database. */
	@Query("""
			select year(e.spentOn), month(e.spentOn), sum(e.converted.usdAmount + e.pscUsd) from Expenditure e
			where e.projectId = :projectId group by year(e.spentOn), month(e.spentOn)""")
	List<Object[]> spentByMonth(Long projectId);

	@Query("select coalesce(sum(e.converted.usdAmount), 0) from Expenditure e where e.projectId = :projectId")
	BigDecimal spentUsd(Long projectId);

	@Query("select coalesce(sum(e.pscUsd), 0) from Expenditure e where e.projectId = :projectId")
	BigDecimal pscUsd(Long projectId);

	boolean existsByReversalOf(Long id);

}
