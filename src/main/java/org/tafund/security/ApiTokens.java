package org.tafund.security;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

interface ApiTokens extends JpaRepository<ApiToken, Long> {

	Optional<ApiToken> findByTokenHash(String tokenHash);

	List<ApiToken> findByUserIdOrderByIdDesc(Long userId);

	List<ApiToken> findAllByOrderByIdDesc();

	/**
	 * Writes a token's last use if it is older than {@code since}, without its version: calls arriving
	 * together with one token would otherwise all write through the entity and all but one fail. The
	 * first to commit writes; the others find the row already recent and change nothing.
	 */
	@Modifying
	@Query("UPDATE ApiToken t SET t.lastUsedAt = :at WHERE t.id = :id AND (t.lastUsedAt IS NULL OR t.lastUsedAt < :since)")
	int markUsed(@Param("id") long id, @Param("at") Instant at, @Param("since") Instant since);

}
