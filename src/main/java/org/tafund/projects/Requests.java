package org.tafund.projects;

import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;

import jakarta.persistence.LockModeType;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Query;

interface Requests extends JpaRepository<AssistanceRequest, Long> {

	List<AssistanceRequest> findAllByOrderByReceivedOnDescIdDesc();

}
