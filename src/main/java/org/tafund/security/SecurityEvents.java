package org.tafund.security;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;

interface SecurityEvents extends JpaRepository<SecurityEvent, Long> {

	Page<SecurityEvent> findAllByOrderByOccurredAtDescIdDesc(Pageable pageable);

	Page<SecurityEvent> findByUsernameOrderByOccurredAtDescIdDesc(String username, Pageable pageable);

	long countByUsernameAndType(String username, SecurityEventType type);

	long countByTypeInAndOccurredAtGreaterThanEqualAndOccurredAtLessThan(
			java.util.Collection<SecurityEventType> types, java.time.Instant from, java.time.Instant to);

	/** The user's events of these types after a time (the failures since their last sign-in). */
	@org.springframework.data.jpa.repository.Query("select e from SecurityEvent e where e.username = :username "
			+ "and e.type in :types and e.occurredAt > :after order by e.occurredAt")
	java.util.List<SecurityEvent> since(String username, java.util.Collection<SecurityEventType> types,
			java.time.Instant after);

	/** When the user last signed in through the page; empty: never. */
	@org.springframework.data.jpa.repository.Query("select max(e.occurredAt) from SecurityEvent e "
			+ "where e.username = :username and e.type = org.tafund.security.SecurityEventType.LOGIN")
	java.util.Optional<java.time.Instant> lastLogin(String username);

}
