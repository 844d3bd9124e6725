package org.tafund.fx;

import java.time.LocalDate;
import java.util.Optional;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;

interface ExchangeRates extends JpaRepository<ExchangeRate, Long> {

	Optional<ExchangeRate> findFirstByCurrencyAndEffectiveDateLessThanEqualOrderByEffectiveDateDesc(String currency,
			LocalDate date);

	boolean existsByCurrencyAndEffectiveDate(String currency, LocalDate effectiveDate);

	Page<ExchangeRate> findAllByOrderByEffectiveDateDescCurrencyAsc(Pageable pageable);

	Page<ExchangeRate> findByCurrencyOrderByEffectiveDateDesc(String currency, Pageable pageable);

}
