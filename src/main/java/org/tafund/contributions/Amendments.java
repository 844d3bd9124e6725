package org.tafund.contributions;

import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;

interface Amendments extends JpaRepository<Amendment, Long> {

	List<Amendment> findByAgreementIdOrderByIdAsc(Long agreementId);

}
