package org.tafund.books;

import java.util.List;

import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.Repository;

interface PeriodCloses extends Repository<PeriodClose, Long> {

	PeriodClose save(PeriodClose close);

	java.util.Optional<PeriodClose> findById(long id);

	@Query("select new org.tafund.books.PeriodCloseView(c.id, c.kind, c.periodStart, c.periodEnd, c.closedAt, c.closedBy, "
			+ "c.reopenedAt, c.reopenedBy, c.reopenReason, c.fingerprint) from PeriodClose c "
			+ "order by c.periodStart desc, c.kind desc, c.id desc")
	List<PeriodCloseView> views(org.springframework.data.domain.Pageable page);

}
