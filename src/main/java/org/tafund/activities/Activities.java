package org.tafund.activities;

import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;

interface Activities extends JpaRepository<Activity, Long> {

	List<Activity> findByProjectIdOrderByStartDateAscIdAsc(Long projectId);

	List<Activity> findAllByOrderByStartDateDescIdDesc();

	long countByProjectIdInAndWithdrawnOnIsNullAndStartDateBetween(java.util.Collection<Long> projectIds, java.time.LocalDate from,
			java.time.LocalDate to);

}
