package org.tafund.security;

import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;

interface ApiTokens extends JpaRepository<ApiToken, Long> {

	List<ApiToken> findByUserIdOrderByIdDesc(Long userId);

	List<ApiToken> findAllByOrderByIdDesc();

}
