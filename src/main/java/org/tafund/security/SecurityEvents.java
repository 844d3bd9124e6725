package org.tafund.security;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;

interface SecurityEvents extends JpaRepository<SecurityEvent, Long> {

	Page<SecurityEvent> findAllByOrderByOccurredAtDescIdDesc(Pageable pageable);

	Page<SecurityEvent> findByUsernameOrderByOccurredAtDescIdDesc(String username, Pageable pageable);

	long countByUsernameAndType(String username, SecurityEventType type);

}
