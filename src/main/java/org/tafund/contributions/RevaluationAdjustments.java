package org.tafund.contributions;

import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;

interface RevaluationAdjustments extends JpaRepository<RevaluationAdjustment, Long> {

	List<RevaluationAdjustment> findByRunIdInOrderByIdAsc(java.util.Collection<Long> runIds);



}
