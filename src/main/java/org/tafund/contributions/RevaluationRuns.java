package org.tafund.contributions;

import java.time.LocalDate;
import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;

interface RevaluationRuns extends JpaRepository<RevaluationRun, Long> {

	boolean existsByPeriodEnd(LocalDate periodEnd);

	List<RevaluationRun> findAllByOrderByPeriodEndDesc();

	/**
	 * The runs at a period end on or after the date, oldest first (their lines are not loaded). A
	 * locking read: it sees a run committed while the caller waited for its agreement, whatever the
	 * caller read before.
	 */
	@org.springframework.data.jpa.repository.Lock(jakarta.persistence.LockModeType.PESSIMISTIC_READ)
	@org.springframework.data.jpa.repository.Query("""
			select r from RevaluationRun r where r.periodEnd >= :date order by r.periodEnd""")
	List<RevaluationRun> onOrAfter(LocalDate date);

}
