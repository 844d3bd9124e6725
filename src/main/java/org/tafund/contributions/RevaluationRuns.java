package org.tafund.contributions;

import java.time.LocalDate;
import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;

interface RevaluationRuns extends JpaRepository<RevaluationRun, Long> {

	boolean existsByPeriodEnd(LocalDate periodEnd);

	List<RevaluationRun> findAllByOrderByPeriodEndDesc();

	/** Every stored line as (agreement, gain or loss against recognition, period end), oldest run first. */
	@org.springframework.data.jpa.repository.Query("""
			select l.agreementId, l.gainLossUsd, r.periodEnd from RevaluationRun r join r.lines l
			order by r.periodEnd""")
	List<Object[]> previousLines();

}
