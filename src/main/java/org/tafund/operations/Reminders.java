package org.tafund.operations;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Component;
import org.tafund.contributions.ContributionManagement;
import org.tafund.contributions.ContributionManagement.OverdueInstalment;
import org.tafund.contributions.Deadlines;
import org.tafund.donors.DonorManagement;
import org.tafund.fx.ExchangeRateManagement;
import org.tafund.notifications.NotificationKind;
import org.tafund.notifications.Notifications;
import org.tafund.notifications.Recipient;
import org.tafund.security.Role;
import org.tafund.security.UserManagement;
import org.tafund.shared.Money;
import org.tafund.shared.Summary;

/**
 * What the reminder jobs find and whom they tell. Each returns a line for the Operations page.
 * Recipients are the enabled users of the role that acts on it.
 */
@Component
class Reminders {

	/** Donor reports are reminded this many days before they are due. */
	static final List<Integer> REPORT_DAYS = List.of(30, 7);

	private final ContributionManagement contributions;

	private final Deadlines deadlines;

	private final DonorManagement donors;

	private final ExchangeRateManagement rates;

	private final UserManagement users;

	private final Notifications notifications;

	private final Clock clock;

	Reminders(ContributionManagement contributions, Deadlines deadlines, DonorManagement donors,
			ExchangeRateManagement rates, UserManagement users, Notifications notifications, Clock clock) {
		this.contributions = contributions;
		this.deadlines = deadlines;
		this.donors = donors;
		this.rates = rates;
		this.users = users;
		this.notifications = notifications;
		this.clock = clock;
	}

	/** Overdue instalments, one reminder per officer, its e-mail listing them donor by donor. */
	String overdueInstalments() {
		var overdue = contributions.overdue();
		if (overdue.isEmpty()) {
			return "no overdue instalments";
		}
		Map<Long, List<OverdueInstalment>> byDonor = new LinkedHashMap<>();
		overdue.forEach(line -> byDonor.computeIfAbsent(line.donorId(), id -> new ArrayList<>()).add(line));
		var names = donors.names(byDonor.keySet());
		var details = new ArrayList<Summary>();
		var total = Money.zero(Money.USD);
		for (var donor : byDonor.entrySet()) {
			var lines = donor.getValue();
			var outstanding = lines.stream().map(OverdueInstalment::outstandingUsd).reduce(Money.zero(Money.USD), Money::plus);
			total = total.plus(outstanding);
			var oldest = lines.stream().map(OverdueInstalment::dueOn).min(LocalDate::compareTo).orElseThrow();
			details.add(Summary.of("notification.overdue.donor", names.get(donor.getKey()), lines.size(),
					outstanding, oldest));
		}
		var headline = Summary.of("notification.overdue", overdue.size(), byDonor.size(), total);
		var told = tell(Role.DONOR_RELATIONS, NotificationKind.OVERDUE_INSTALMENTS, headline, "/contributions/overdue",
				details);
		return overdue.size() + " overdue instalments of " + byDonor.size() + " donors; " + told;
	}

	/** Reports owed to donors in 30 and in 7 days, one reminder per report. */
	String reportsDue() {
		var today = LocalDate.now(clock);
		var due = new LinkedHashMap<Deadlines.ReportDue, Integer>();
		REPORT_DAYS.forEach(days -> deadlines.reportsDueOn(today.plusDays(days)).forEach(report -> due.put(report, days)));
		var names = donors.names(due.keySet().stream().map(Deadlines.ReportDue::donorId).toList());
		var told = new Told();
		due.forEach((report, days) -> told.add(tell(Role.DONOR_RELATIONS, NotificationKind.REPORT_DUE,
				Summary.of("notification.reportDue", names.get(report.donorId()), report.reference(), report.dueOn(), days),
				"/contributions/agreements/" + report.agreementId(), List.of())));
		int reports = due.size();
		return reports + " reports due in " + REPORT_DAYS.get(0) + " or " + REPORT_DAYS.get(1) + " days; " + told;
	}

	/** At the start of a month: last month's revaluation not run, currencies in use without this month's rate. */
	String monthEnd() {
		var today = LocalDate.now(clock);
		var firstOfMonth = today.withDayOfMonth(1);
		var lastMonthEnd = firstOfMonth.minusDays(1);
		var said = new ArrayList<String>();
		var told = new Told();
		if (contributions.revaluations().stream().map(run -> run.periodEnd()).noneMatch(lastMonthEnd::equals)) {
			said.add("revaluation at " + lastMonthEnd + " not run");
			told.add(tell(Role.FINANCE, NotificationKind.MONTH_END,
					Summary.of("notification.monthEnd.revaluation", lastMonthEnd), "/contributions/revaluations", List.of()));
		}
		var missing = rates.withoutRateSince(deadlines.currenciesInUse(), firstOfMonth);
		if (!missing.isEmpty()) {
			said.add("no rate since " + firstOfMonth + " for " + String.join(", ", missing));
			told.add(tell(Role.FINANCE, NotificationKind.MONTH_END,
					Summary.of("notification.monthEnd.rates", firstOfMonth, String.join(", ", missing)), "/exchange-rates",
					List.of()));
		}
		return said.isEmpty() ? "nothing missing at " + lastMonthEnd : String.join("; ", said) + "; " + told;
	}

	private Told tell(Role role, NotificationKind kind, Summary message, String link, List<Summary> details) {
		var told = new Told();
		for (var user : users.withRole(role)) {
			if (user.enabled()) {
				told.users++;
				if (notifications.tell(new Recipient(user.username(), user.email()), kind, message, link, details)) {
					told.emails++;
				}
			}
		}
		return told;
	}

	/** How many users were told, and how many of them by e-mail. */
	private static final class Told {

		int users;

		int emails;

		void add(Told other) {
			users += other.users;
			emails += other.emails;
		}

		@Override
		public String toString() {
			return users + " notifications, " + emails + " e-mails";
		}

	}

}
