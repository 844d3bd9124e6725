package org.tafund.contributions;

import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;

interface PositionAdjustments extends JpaRepository<PositionAdjustment, Long> {

	List<PositionAdjustment> findByAgreementId(Long agreementId);

}
