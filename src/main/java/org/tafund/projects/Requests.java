package org.tafund.projects;

import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;

interface Requests extends JpaRepository<AssistanceRequest, Long> {

	List<AssistanceRequest> findAllByOrderByReceivedOnDescIdDesc();

	org.springframework.data.domain.Page<AssistanceRequest> findByStatus(Codes.RequestStatus status,
			org.springframework.data.domain.Pageable page);

}
