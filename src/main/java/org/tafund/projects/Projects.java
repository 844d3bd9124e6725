package org.tafund.projects;

import java.util.Optional;

import jakarta.persistence.LockModeType;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Query;

interface Projects extends JpaRepository<Project, Long> {

	boolean existsByCode(String code);

	@org.springframework.data.jpa.repository.Query("select p.code from Project p order by p.code")
	java.util.List<String> codes();

	@org.springframework.data.jpa.repository.Query("select p.id, p.code from Project p order by p.code")
	java.util.List<Object[]> idsAndCodes();

	/** Expenditure on one project queues up behind each other: the balance check stays true. */
	@Lock(LockModeType.PESSIMISTIC_WRITE)
	@Query("select p from Project p where p.id = :id")
	Optional<Project> findForUpdate(Long id);

}
