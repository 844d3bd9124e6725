package org.tafund.books;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Comparator;
import java.util.Date;
import java.util.List;
import java.util.Optional;

import javax.sql.DataSource;

import org.springframework.context.support.DefaultMessageSourceResolvable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Which dates are closed: those covered by a period close that has not been reopened. Read with a
 * locking read when the caller holds the chain head, so that it sees the latest committed closes
 * whatever its transaction's snapshot.
 */
@Component
class ClosedPeriods {

	/** An active close. */
	record Cover(long id, PeriodKind kind, LocalDate start, LocalDate end, Instant closedAt, String closedBy) {
	}

	private final JdbcClient jdbc;

	ClosedPeriods(DataSource dataSource) {
		this.jdbc = JdbcClient.create(dataSource);
	}

	/** The widest active close covering the date, if any. */
	Optional<Cover> covering(LocalDate date, boolean locking) {
		return jdbc.sql("SELECT id, kind, period_start, period_end, closed_at, closed_by FROM period_close "
				+ "WHERE reopened_at IS NULL AND period_start <= :date AND period_end >= :date"
				+ (locking ? " FOR UPDATE" : ""))
			.param("date", date)
			.query(ClosedPeriods::cover)
			.list()
			.stream()
			.max(Comparator.comparing(Cover::end).thenComparing(Cover::start, Comparator.reverseOrder()));
	}

	/** The date itself when it is open, else the first day after the closes that cover it. */
	LocalDate firstOpenOnOrAfter(LocalDate date) {
		var candidate = date;
		for (var close : activeEndingOnOrAfter(date)) {
			if (close.start().isAfter(candidate)) {
				break;
			}
			if (!close.end().isBefore(candidate)) {
				candidate = close.end().plusDays(1);
			}
		}
		return candidate;
	}

	void requireOpen(LocalDate date, String field, boolean locking) {
		var cover = covering(date, locking);
		if (cover.isPresent()) {
			throw closed(cover.get(), field, firstOpenOnOrAfter(date));
		}
	}

	/** Active closes that end on or after the date, by start. */
	List<Cover> activeEndingOnOrAfter(LocalDate date) {
		return activeEndingOnOrAfter(date, false);
	}

	/** The same, with a locking read when the caller holds the chain head. */
	List<Cover> activeEndingOnOrAfter(LocalDate date, boolean locking) {
		return jdbc.sql("SELECT id, kind, period_start, period_end, closed_at, closed_by FROM period_close "
				+ "WHERE reopened_at IS NULL AND period_end >= :date" + (locking ? " FOR UPDATE" : ""))
			.param("date", date)
			.query(ClosedPeriods::cover)
			.list()
			.stream()
			.sorted(Comparator.comparing(Cover::start).thenComparing(Cover::end))
			.toList();
	}

	static PeriodClosed closed(Cover cover, String field, LocalDate firstOpen) {
		return new PeriodClosed(field, firstOpen, label(cover.kind(), cover.start()),
				cover.closedAt().atZone(ZoneOffset.UTC).toLocalDate(), cover.closedBy(), firstOpen);
	}

	/** "March 2025" or "2025" in the reader's language. */
	static DefaultMessageSourceResolvable label(PeriodKind kind, LocalDate start) {
		// MessageFormat formats a java.util.Date in the default time zone: midnight there is that day.
		var date = Date.from(start.atStartOfDay(ZoneId.systemDefault()).toInstant());
		return new DefaultMessageSourceResolvable(new String[] { "period.label." + kind.name() },
				new Object[] { date }, kind == PeriodKind.YEAR ? String.valueOf(start.getYear())
						: start.toString().substring(0, 7));
	}

	private static Cover cover(java.sql.ResultSet rs, int row) throws java.sql.SQLException {
		return new Cover(rs.getLong("id"), PeriodKind.valueOf(rs.getString("kind")),
				rs.getObject("period_start", LocalDate.class), rs.getObject("period_end", LocalDate.class),
				rs.getObject("closed_at", LocalDateTime.class).toInstant(ZoneOffset.UTC), rs.getString("closed_by"));
	}

}
