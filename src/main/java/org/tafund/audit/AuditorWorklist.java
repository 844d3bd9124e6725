package org.tafund.audit;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

import javax.sql.DataSource;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import org.tafund.shared.Paging;
import org.tafund.shared.Summary;
import org.tafund.shared.Worklist;

/** An auditor's home page: the latest changes, who made them, and how many changes a day this week. */
@Component
class AuditorWorklist implements Worklist {

	static final int LISTED = 8;

	static final int DAYS = 7;

	private final AuditTrail trail;

	private final JdbcClient jdbc;

	private final Clock clock;

	private final org.springframework.context.MessageSource messages;

	AuditorWorklist(AuditTrail trail, DataSource dataSource, Clock clock,
			org.springframework.context.MessageSource messages) {
		this.messages = messages;
		this.trail = trail;
		this.jdbc = JdbcClient.create(dataSource);
		this.clock = clock;
	}

	@Override
	public String role() {
		return org.tafund.security.Role.AUDITOR.name();
	}

	@Override
	@Transactional(readOnly = true)
	public Panel panel(String username) {
		var items = new ArrayList<Item>();
		var latest = trail.revisions(null, Paging.page(0, LISTED));
		items.add(Item.of("latest-changes", Summary.of("worklist.latestChanges", latest.getTotalElements()), "/audit",
				false));
		for (var revision : latest) {
			var records = revision.changes()
				.stream()
				// Named as the audit pages name them, in the reader's language.
				.map(c -> messages.getMessage("record." + c.entity(), null, c.entity(),
						org.springframework.context.i18n.LocaleContextHolder.getLocale()) + " "
						+ (c.idKey() == null ? c.id()
								: messages.getMessage(c.idKey(), null, String.valueOf(c.id()),
										org.springframework.context.i18n.LocaleContextHolder.getLocale())))
				.distinct()
				.limit(3)
				.reduce((a, b) -> a + ", " + b)
				.orElse("");
			items.add(Item.detail(Summary.of("worklist.latestChanges.line", revision.number(),
					revision.at().atZone(ZoneOffset.UTC).toLocalDate(), revision.username(), records),
					"/audit/revisions/" + revision.number()));
		}
		var today = LocalDate.now(clock.withZone(ZoneOffset.UTC));
		var bars = new ArrayList<Bar>();
		for (int back = DAYS - 1; back >= 0; back--) {
			var day = today.minusDays(back);
			long count = jdbc.sql("SELECT COUNT(*) FROM revision WHERE revtstmp >= ? AND revtstmp < ?")
				.param(day.atStartOfDay().toInstant(ZoneOffset.UTC).toEpochMilli())
				.param(day.plusDays(1).atStartOfDay().toInstant(ZoneOffset.UTC).toEpochMilli())
				.query(Long.class)
				.single();
			bars.add(new Bar(org.tafund.shared.Dates.day(day, org.springframework.context.i18n.LocaleContextHolder.getLocale()), null, java.math.BigDecimal.valueOf(count)));
		}
		return new Panel("worklist.auditor", items,
				new Chart("chart-changes-by-day", "worklist.chart.changesByDay", List.copyOf(bars), false));
	}

}
