package org.tafund.security;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.springframework.data.domain.Sort;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

interface AppUsers extends JpaRepository<AppUser, Long> {

	Optional<AppUser> findByUsername(String username);

	boolean existsByUsername(String username);

	List<AppUser> findAll(Sort sort);

	// Own transactions: a failure counted during a refused password change must survive its rollback.
	@Transactional(propagation = Propagation.REQUIRES_NEW)
	@Modifying(flushAutomatically = true, clearAutomatically = true)
	@Query("update AppUser u set u.failedAttempts = u.failedAttempts + 1 where u.username = :username")
	int countFailedLogin(String username);

	@Transactional(propagation = Propagation.REQUIRES_NEW)
	@Modifying(flushAutomatically = true, clearAutomatically = true)
	@Query("""
			update AppUser u set u.failedAttempts = 0, u.lockedUntil = :until
			where u.username = :username and u.failedAttempts >= :limit
			and (u.lockedUntil is null or u.lockedUntil < :now)""")
	int lockIfTooManyFailures(String username, int limit, Instant until, Instant now);

	// Bulk updates on purpose: sign-in bookkeeping is not an edit, so it leaves updated_at/by alone.
	@Transactional
	@Modifying(flushAutomatically = true, clearAutomatically = true)
	@Query("update AppUser u set u.failedAttempts = 0 where u.username = :username and u.failedAttempts > 0")
	int clearFailedLogins(String username);

	@Transactional
	@Modifying(flushAutomatically = true, clearAutomatically = true)
	@Query("update AppUser u set u.failedAttempts = 0, u.lockedUntil = null, u.lastLoginAt = :at where u.username = :username")
	int recordLogin(String username, Instant at);

}
