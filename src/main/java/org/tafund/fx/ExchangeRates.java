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

	java.util.Optional<ExchangeRate> findByCurrencyAndEffectiveDate(String currency, LocalDate effectiveDate);

	Page<ExchangeRate> findAllByOrderByEffectiveDateDescCurrencyAsc(Pageable pageable);

	Page<ExchangeRate> findByCurrencyOrderByEffectiveDateDesc(String currency, Pageable pageable);

	/** Each currency's latest effective date among {@code currencies}: [currency, date]. */
	@org.springframework.data.jpa.repository.Query("select r.currency, max(r.effectiveDate) from ExchangeRate r where r.currency in :currencies group by r.currency")
	java.util.List<Object[]> latestDates(java.util.Collection<String> currencies);

}
