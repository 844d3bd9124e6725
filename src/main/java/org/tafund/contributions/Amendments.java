package org.tafund.contributions;

import java.time.LocalDate;
import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface Amendments extends JpaRepository<Amendment, Long> {

	List<Amendment> findByAgreementIdOrderByIdAsc(Long agreementId);

	boolean existsByAgreementIdAndAmendedOnAfter(Long agreementId, LocalDate date);

	/** Every amendment of the agreements amended after a date: what a revaluation of that date needs. */
	@Query("""
			select m from Amendment m where m.agreementId in
			(select later.agreementId from Amendment later where later.amendedOn > :date) order by m.id""")
	List<Amendment> ofAgreementsAmendedAfter(LocalDate date);

}
