package org.tafund.security;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.springframework.data.domain.Sort;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;

interface AppUsers extends JpaRepository<AppUser, Long> {

	Optional<AppUser> findByUsername(String username);

	boolean existsByUsername(String username);

	List<AppUser> findAll(Sort sort);

	@Modifying(flushAutomatically = true, clearAutomatically = true)
	@Query("update AppUser u set u.failedAttempts = u.failedAttempts + 1 where u.username = :username")
	int countFailedLogin(String username);

	@Modifying(flushAutomatically = true, clearAutomatically = true)
	@Query("""
			update AppUser u set u.failedAttempts = 0, u.lockedUntil = :until
			where u.username = :username and u.failedAttempts >= :limit""")
	int lockIfTooManyFailures(String username, int limit, Instant until);

	// Bulk updates on purpose: sign-in bookkeeping is not an edit, so it leaves updated_at/by alone.
	@Modifying(flushAutomatically = true, clearAutomatically = true)
	@Query("update AppUser u set u.failedAttempts = 0 where u.username = :username and u.failedAttempts > 0")
	int clearFailedLogins(String username);

	@Modifying(flushAutomatically = true, clearAutomatically = true)
	@Query("update AppUser u set u.failedAttempts = 0, u.lockedUntil = null, u.lastLoginAt = :at where u.username = :username")
	int recordLogin(String username, Instant at);

}
