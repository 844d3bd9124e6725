package org.tafund.contributions;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.transaction.annotation.Transactional;
import org.tafund.donors.DonorManagement;
import org.tafund.fx.ExchangeRateManagement;
import org.tafund.shared.Money;
import org.tafund.shared.Summary;
import org.tafund.shared.Worklist;
import org.tafund.shared.Worklist.Bar;
import org.tafund.shared.Worklist.Chart;
import org.tafund.shared.Worklist.Item;
import org.tafund.shared.Worklist.Panel;

/**
 * The home-page worklists of the people who keep the contributions: donor relations (what donors
 * owe and are owed, pledges to turn into agreements, drafts to sign) and finance (money due this
 * month, rates and the revaluation that month-end needs, what is left to allocate).
 */
@Configuration
class ContributionWorklists {

	/** Donor reports are listed this many days ahead. */
	static final int REPORT_DAYS = 60;

	/** Lines listed under a figure; the page it links to has them all. */
	static final int LISTED = 5;

	@Bean
	Worklist donorRelationsWorklist(WorkFinder work) {
		return new Worklist() {

			@Override
			public String role() {
				return org.tafund.security.Role.DONOR_RELATIONS.name();
			}

			@Override
			public Panel panel(String username) {
				return work.donorRelations();
			}

		};
	}

	@Bean
	Worklist financeWorklist(WorkFinder work) {
		return new Worklist() {

			@Override
			public String role() {
				return org.tafund.security.Role.FINANCE.name();
			}

			@Override
			public Panel panel(String username) {
				return work.finance();
			}

		};
	}

	/** Reads each worklist in one read-only transaction. */
	@org.springframework.stereotype.Component
	static class WorkFinder {

		private final ContributionManagement contributions;

		private final Deadlines deadlines;

		private final DonorManagement donors;

		private final ExchangeRateManagement rates;

		private final Clock clock;

		WorkFinder(ContributionManagement contributions, Deadlines deadlines, DonorManagement donors,
				ExchangeRateManagement rates, Clock clock) {
			this.contributions = contributions;
			this.deadlines = deadlines;
			this.donors = donors;
			this.rates = rates;
			this.clock = clock;
		}

		@Transactional(readOnly = true)
		Panel donorRelations() {
			var today = LocalDate.now(clock);
			var items = new ArrayList<Item>();
			var overdue = contributions.overdue();
			var byDonor = new LinkedHashMap<Long, Money>();
			overdue.forEach(line -> byDonor.merge(line.donorId(), line.outstandingUsd(), Money::plus));
			var names = new java.util.HashMap<Long, String>();
			var pledges = deadlines.pledgesWithoutAgreement();
			var drafts = deadlines.unsignedDrafts();
			var reports = deadlines.reportsDueBetween(today, today.plusDays(REPORT_DAYS));
			var donorIds = new java.util.HashSet<Long>(byDonor.keySet());
			pledges.forEach(p -> donorIds.add(p.donorId()));
			drafts.forEach(d -> donorIds.add(d.donorId()));
			reports.forEach(r -> donorIds.add(r.donorId()));
			names.putAll(donors.names(donorIds));

			var overdueUsd = overdue.stream()
				.map(ContributionManagement.OverdueInstalment::outstandingUsd)
				.reduce(Money.zero(Money.USD), Money::plus);
			items.add(Item.of("overdue", overdue.isEmpty() ? Summary.of("worklist.overdue.none")
					: Summary.of("worklist.overdue", overdue.size(), byDonor.size(), overdueUsd), "/contributions/overdue",
					!overdue.isEmpty()));
			overdue.stream()
				.limit(LISTED)
				.forEach(line -> items.add(Item.detail(Summary.of("worklist.overdue.line", names.get(line.donorId()),
						line.reference(), line.outstanding(), line.dueOn(), line.daysOverdue()),
						"/contributions/agreements/" + line.agreementId())));

			items.add(Item.of("reports", Summary.of("worklist.reports", reports.size(), REPORT_DAYS),
					null, false));
			reports.stream()
				.limit(LISTED)
				.forEach(report -> items.add(Item.detail(Summary.of("worklist.reports.line", report.dueOn(),
						names.get(report.donorId()), report.reference()),
						"/contributions/agreements/" + report.agreementId())));

			var pledgedUsd = pledges.stream().map(Deadlines.OpenPledge::usd).reduce(Money.zero(Money.USD), Money::plus);
			items.add(Item.of("pledges", pledges.isEmpty() ? Summary.of("worklist.pledges.none")
					: Summary.of("worklist.pledges", pledges.size(), pledgedUsd), null, false));
			pledges.stream()
				.limit(LISTED)
				.forEach(pledge -> items.add(Item.detail(Summary.of("worklist.pledges.line", names.get(pledge.donorId()),
						pledge.amount(), pledge.pledgedOn()), "/donors/" + pledge.donorId())));

			items.add(Item.of("drafts", Summary.of("worklist.drafts", drafts.size()), null, false));
			drafts.stream()
				.limit(LISTED)
				.forEach(draft -> items.add(Item.detail(Summary.of("worklist.drafts.line", draft.reference(),
						names.get(draft.donorId())), "/contributions/agreements/" + draft.id())));

			var bars = byDonor.entrySet()
				.stream()
				.sorted(java.util.Map.Entry.<Long, Money>comparingByValue(Comparator.comparing(Money::amount)).reversed())
				.limit(8)
				.map(e -> new Bar(names.get(e.getKey()), null, e.getValue().amount()))
				.toList();
			return new Panel("worklist.donorRelations", items,
					new Chart("chart-overdue-by-donor", "worklist.chart.overdueByDonor", bars, true));
		}

		@Transactional(readOnly = true)
		Panel finance() {
			var today = LocalDate.now(clock);
			var firstOfMonth = today.withDayOfMonth(1);
			var lastOfMonth = today.withDayOfMonth(today.lengthOfMonth());
			var items = new ArrayList<Item>();

			var due = deadlines.expectedInstalments()
				.stream()
				.filter(i -> !i.dueOn().isBefore(firstOfMonth) && !i.dueOn().isAfter(lastOfMonth))
				.toList();
			var byCurrency = new java.util.TreeMap<String, Money>();
			due.forEach(i -> byCurrency.merge(i.currency(), Money.rounded(i.outstanding(), i.currency()), Money::plus));
			items.add(Item.of("due-this-month", Summary.of("worklist.dueThisMonth", due.size(), firstOfMonth), null,
					false));
			byCurrency.values().forEach(total -> items.add(Item.detail(Summary.of("worklist.dueThisMonth.currency", total),
					null)));
			var names = donors.names(due.stream().map(Deadlines.ExpectedInstalment::donorId).distinct().toList());
			due.stream()
				.sorted(Comparator.comparing(Deadlines.ExpectedInstalment::dueOn))
				.limit(LISTED)
				.forEach(i -> items.add(Item.detail(Summary.of("worklist.dueThisMonth.line", i.dueOn(), names.get(i.donorId()),
						i.reference(), Money.rounded(i.outstanding(), i.currency())),
						"/contributions/agreements/" + i.agreementId())));

			var missing = rates.withoutRateSince(deadlines.currenciesInUse(), firstOfMonth);
			items.add(missing.isEmpty()
					? Item.of("rates", Summary.of("worklist.rates.none", firstOfMonth), "/exchange-rates", false)
					: Item.of("rates", Summary.of("worklist.rates.missing", missing.size(), firstOfMonth,
							String.join(", ", missing)), "/exchange-rates", true));

			var lastMonthEnd = firstOfMonth.minusDays(1);
			boolean revalued = contributions.revaluations()
				.stream()
				.anyMatch(run -> run.periodEnd().equals(lastMonthEnd));
			items.add(revalued
					? Item.of("revaluation", Summary.of("worklist.revaluation.done", lastMonthEnd),
							"/contributions/revaluations", false)
					: Item.of("revaluation", Summary.of("worklist.revaluation.missing", lastMonthEnd),
							"/contributions/revaluations", true));

			var unallocated = contributions.unallocatedByWindow();
			var total = unallocated.values().stream().reduce(Money.zero(Money.USD), Money::plus);
			items.add(Item.of("unallocated", Summary.of("worklist.unallocated", total), "/projects", false));
			var bars = new ArrayList<Bar>();
			// The chart's table lists each window with its amount.
			unallocated.forEach((window, amount) -> bars.add(new Bar(null, "window." + window.name(), amount.amount())));
			return new Panel("worklist.finance", items,
					new Chart("chart-unallocated-by-window", "worklist.chart.unallocatedByWindow", List.copyOf(bars), true));
		}

	}

}
