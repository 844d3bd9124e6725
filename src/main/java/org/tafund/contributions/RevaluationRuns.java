package org.tafund.contributions;

import java.time.LocalDate;
import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;

interface RevaluationRuns extends JpaRepository<RevaluationRun, Long> {

	boolean existsByPeriodEnd(LocalDate periodEnd);

	List<RevaluationRun> findAllByOrderByPeriodEndDesc();

}
