package org.tafund.security;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;

import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import org.tafund.shared.Summary;
import org.tafund.shared.Worklist;

/**
 * An administrator's home page: accounts locked after failed sign-ins (to unlock once the person
 * is who they say), and the sign-ins refused today and over the last week. Days are UTC days, as
 * the sign-in log shows them.
 */
@Component
class AdministratorWorklist implements Worklist {

	/** The sign-in failures an administrator watches: wrong passwords, lockouts, refused accounts and codes. */
	static final EnumSet<SecurityEventType> FAILED = EnumSet.of(SecurityEventType.LOGIN_FAILED,
			SecurityEventType.LOCKOUT, SecurityEventType.LOGIN_REFUSED_LOCKED, SecurityEventType.LOGIN_REFUSED_DISABLED,
			SecurityEventType.SECOND_FACTOR_FAILED, SecurityEventType.TOKEN_REJECTED);

	static final int DAYS = 7;

	private final UserManagement users;

	private final SecurityEvents events;

	private final Clock clock;

	AdministratorWorklist(UserManagement users, SecurityEvents events, Clock clock) {
		this.users = users;
		this.events = events;
		this.clock = clock;
	}

	@Override
	public String role() {
		return Role.ADMIN.name();
	}

	@Override
	@Transactional(readOnly = true)
	public Panel panel(String username) {
		var items = new ArrayList<Item>();
		var locked = users.list().stream().filter(UserSummary::locked).toList();
		items.add(Item.of("locked", Summary.of("worklist.locked", locked.size()), "/admin/users", !locked.isEmpty()));
		locked.forEach(user -> items.add(Item.detail(Summary.of("worklist.locked.line", user.username(),
				user.fullName()), "/admin/users/" + user.id())));
		var today = LocalDate.now(clock.withZone(ZoneOffset.UTC));
		var bars = new ArrayList<Bar>();
		long failedToday = 0;
		for (int back = DAYS - 1; back >= 0; back--) {
			var day = today.minusDays(back);
			long failed = events.countByTypeInAndOccurredAtGreaterThanEqualAndOccurredAtLessThan(FAILED,
					day.atStartOfDay().toInstant(ZoneOffset.UTC), day.plusDays(1).atStartOfDay().toInstant(ZoneOffset.UTC));
			bars.add(new Bar(org.tafund.shared.Dates.day(day, org.springframework.context.i18n.LocaleContextHolder.getLocale()), null, java.math.BigDecimal.valueOf(failed)));
			failedToday = failed;
		}
		items.add(Item.of("failed-sign-ins", Summary.of("worklist.failedSignIns", failedToday), "/audit/sign-ins",
				failedToday > 0));
		return new Panel("worklist.administrator", items,
				new Chart("chart-failed-sign-ins", "worklist.chart.failedSignIns", List.copyOf(bars), false));
	}

}
