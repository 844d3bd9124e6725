package org.tafund.contributions;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.data.domain.PageRequest;
import org.springframework.stereotype.Component;
import org.tafund.approvals.ApprovalAction;
import org.tafund.approvals.Approvals;
import org.tafund.donors.ContactPerson;
import org.tafund.donors.DonorDetails;
import org.tafund.donors.DonorManagement;
import org.tafund.donors.DonorSearch;
import org.tafund.donors.DonorType;
import org.tafund.fx.ExchangeRateManagement;
import org.tafund.security.Role;
import org.tafund.security.SystemIdentity;

/**
 * Demo donors, rates and agreements for the default profile, dated relative to today so that
 * the demo always shows money received, money outstanding and instalments overdue. Runs once, on
 * an empty database, and never in the {@code mysql} profile.
 */
@Component
class ContributionDemoData implements SmartInitializingSingleton {

	private static final Logger log = LoggerFactory.getLogger(ContributionDemoData.class);

	/** Units per USD around which the demo's monthly UN rates move. */
	static final Map<String, String> BASE_RATES = Map.of("EUR", "0.92", "GBP", "0.79", "JPY", "151.20", "NOK", "10.65",
			"SEK", "10.45", "CHF", "0.88");

	private final boolean enabled;

	private final DonorManagement donors;

	private final ExchangeRateManagement rates;

	private final ContributionManagement contributions;

	private final Clock clock;

	private final Approvals approvals;

	ContributionDemoData(@Value("${tafund.demo.data:false}") boolean enabled, DonorManagement donors,
			ExchangeRateManagement rates, ContributionManagement contributions, Clock clock, Approvals approvals) {
		this.enabled = enabled;
		this.approvals = approvals;
		this.donors = donors;
		this.rates = rates;
		this.contributions = contributions;
		this.clock = clock;
	}

	@Override
	public void afterSingletonsInstantiated() {
		// Nobody is signed in at startup: the demo is entered by the system, with the roles that
		// enter donors, agreements, rates and receipts.
		SystemIdentity.run(this::load, Role.DONOR_RELATIONS, Role.FINANCE);
	}

	private void load() {
		if (!enabled || !donors.search(DonorSearch.all(), PageRequest.of(0, 1)).isEmpty()) {
			return;
		}
		var today = LocalDate.now(clock);
		var first = today.withDayOfMonth(1);
		monthlyRates(first.minusMonths(24), first.plusMonths(12));

		var norway = memberState("Norway", "NOR", "XM-DAC-8", "Ingrid Solberg", "ingrid.solberg@mfa.example.no");
		var sweden = memberState("Sweden", "SWE", "SE-0", "Lars Eriksson", "lars.eriksson@gov.example.se");
		var japan = memberState("Japan", "JPN", "XM-DAC-701", "Haruto Sato", "h.sato@mofa.example.jp");
		var uk = memberState("United Kingdom of Great Britain and Northern Ireland", "GBR", "GB-GOV-1", "Amelia Clarke",
				"amelia.clarke@fcdo.example.uk");
		var usa = memberState("United States of America", "USA", "US-GOV-1", "Michael Brown", "m.brown@state.example.gov");
		var eu = donors.register(new DonorDetails("European Union", DonorType.REGIONAL_ECONOMIC_INTEGRATION_ORGANIZATION,
				null, "XI-IATI-EC_INTPA", "40", "Contributions managed by DG INTPA.", true,
				List.of(new ContactPerson("Sofia Romano", "sofia.romano@ec.example.eu", "Programme manager"))))
			.id();
		var foundation = donors.register(new DonorDetails("Justice Without Borders Foundation", DonorType.FOUNDATION,
				null, null, "60", null, true, List.of(new ContactPerson("Daniel Okafor", "grants@jwb.example.org", "Grants"))))
			.id();
		var company = donors.register(new DonorDetails("Secure Payments Alliance", DonorType.PRIVATE_SECTOR, null, null,
				"70", "Corporate social responsibility programme.", true, List.of()))
			.id();

		// Norway: first instalment paid, second overdue.
		var nor = agreement("NOR-" + today.minusMonths(14).getYear() + "-01", norway, "NOK", "5000000.00",
				FundingWindow.CPCJF_GENERAL_PURPOSE, 1, null, null, null, null, false, today.minusMonths(14),
				today.minusMonths(12), "3000000.00", today.minusMonths(2), "2000000.00");
		receipt(nor, today.minusMonths(12).plusDays(6), "3000000.00", "NOK", "NO-TREAS-4471");

		// Sweden: earmarked to mutual legal assistance, fully received.
		var swe = agreement("SWE-" + today.minusMonths(10).getYear() + "-MLA", sweden, "SEK", "2000000.00",
				FundingWindow.CPCJF_SPECIAL_PURPOSE, 2, EarmarkKind.THEME, "MLA", null, null, false,
				today.minusMonths(10), today.minusMonths(9), "2000000.00", null, null);
		receipt(swe, today.minusMonths(9).plusDays(3), "2000000.00", "SEK", "SE-RIKS-0921");

		// Japan: direct contribution for extradition work, partly received, balance due later. (An earmark
		// to a project needs the project first; the demo projects come after the demo agreements.)
		var jpn = agreement("JPN-" + today.minusMonths(8).getYear() + "-EXT", japan, "JPY", "30000000",
				FundingWindow.DIRECT_UNODC_PROJECT, 2, EarmarkKind.THEME, "EXTRADITION", null, null, false,
				today.minusMonths(8), today.minusMonths(7), "10000000", today.plusMonths(4), "20000000");
		receipt(jpn, today.minusMonths(7).plusDays(10), "10000000", "JPY", "JP-MOFA-2231");

		// Japan again, in kind: two legislative drafting experts for a month each, at their fair value;
		// the first month has been delivered.
		var jpnInKind = contributions.createAgreement(new AgreementTerms(
				"JPN-" + today.minusMonths(5).getYear() + "-IK", japan, "JPY", new BigDecimal("6000000"),
				FundingWindow.CPCJF_SPECIAL_PURPOSE, null, 2, EarmarkKind.THEME, "EXTRADITION", null, null, false, null,
				null, today.minusMonths(5),
				List.of(new ScheduleLine(today.minusMonths(3), new BigDecimal("3000000")),
						new ScheduleLine(today.plusMonths(2), new BigDecimal("3000000"))),
				List.of(today.plusMonths(8)), true));
		receipt(jpnInKind, today.minusMonths(3).plusDays(1), "3000000", "JPY", "Expert mission report 1");

		// United Kingdom: earmarked to Nigeria; paid in USD, converted through the UN rates.
		var gbr = agreement("GBR-" + today.minusMonths(6).getYear() + "-NGA", uk, "GBP", "750000.00",
				FundingWindow.CPCJF_SPECIAL_PURPOSE, 3, EarmarkKind.COUNTRY, "NGA", null, null, false,
				today.minusMonths(6), today.minusMonths(5), "375000.00", today.minusMonths(1), "375000.00");
		receipt(gbr, today.minusMonths(5).plusDays(2), "470000.00", "USD", "GB-HMT-7781");
		// Maker-checker on: receipts above USD 100,000 wait for a second person (finance.approver or
		// admin), and one does, so that a newcomer sees it work.
		approvals.setPolicy(ApprovalAction.RECEIPT, true, new BigDecimal("100000.00"));
		contributions.submitReceipt(gbr.id(), new ReceiptCommand(today.minusDays(3), new BigDecimal("150000.00"), "GBP",
				"GB-HMT-7790", null, false));

		// European Union: conditional, reduced PSC with its approval, partly received.
		var eur = agreement("EU-" + today.minusMonths(11).getYear() + "-SAHEL", eu, "EUR", "1200000.00",
				FundingWindow.CPCJF_SPECIAL_PURPOSE, 2, EarmarkKind.REGION, "WESTERN AFRICA", "0.07",
				"PSC waiver OPPBA/2024/117", true, today.minusMonths(11), today.minusMonths(10), "600000.00",
				today.plusMonths(2), "600000.00");
		receipt(eur, today.minusMonths(10).plusDays(12), "600000.00", "EUR", "EC-BUDG-55012");

		// United States: through a programme network institute, from a pledge.
		var pledge = contributions.recordPledge(usa, today.minusMonths(5), new BigDecimal("500000.00"), "USD",
				FundingWindow.PNI_INSTITUTE, "Announced at the Crime Commission");
		contributions.createAgreementFromPledge(pledge.id(), terms("USA-" + today.minusMonths(4).getYear() + "-UNICRI",
				usa, "USD", "500000.00", FundingWindow.PNI_INSTITUTE, "UNICRI", 1, null, null, null, null, false,
				today.minusMonths(4), today.plusMonths(1), "500000.00", null, null));

		// A foundation's open pledge, and a company's draft agreement.
		contributions.recordPledge(foundation, today.minusMonths(1), new BigDecimal("100000.00"), "USD",
				FundingWindow.CPCJF_GENERAL_PURPOSE, "Letter of intent");
		contributions.createAgreement(terms("SPA-DRAFT-1", company, "USD", "50000.00",
				FundingWindow.CPCJF_GENERAL_PURPOSE, null, 1, null, null, null, null, false, null,
				today.plusMonths(3), "50000.00", null, null));
		log.info("Demo data: 8 donors, 8 agreements, rates for {} currencies.", BASE_RATES.size());
	}

	private void monthlyRates(LocalDate from, LocalDate to) {
		BASE_RATES.forEach((currency, base) -> {
			int month = 0;
			for (var day = from; !day.isAfter(to); day = day.plusMonths(1), month++) {
				// A gentle, repeatable drift of up to 4% around the base rate.
				var drift = BigDecimal.ONE.add(new BigDecimal(((month * 7) % 9) - 4).movePointLeft(2));
				rates.record(currency, day, new BigDecimal(base).multiply(drift).setScale(4, RoundingMode.HALF_EVEN));
			}
		});
	}

	private long memberState(String name, String country, String iati, String contact, String email) {
		return donors.register(new DonorDetails(name, DonorType.MEMBER_STATE, country, iati, "10", null, true,
				List.of(new ContactPerson(contact, email, "Desk officer, crime prevention")))).id();
	}

	private AgreementView agreement(String reference, long donor, String currency, String total, FundingWindow window,
			int earmarkLevel, EarmarkKind kind, String target, String psc, String pscApproval, boolean conditional,
			LocalDate signedOn, LocalDate due1, String amount1, LocalDate due2, String amount2) {
		return contributions.createAgreement(terms(reference, donor, currency, total, window, null, earmarkLevel, kind,
				target, psc, pscApproval, conditional, signedOn, due1, amount1, due2, amount2));
	}

	private static AgreementTerms terms(String reference, long donor, String currency, String total,
			FundingWindow window, String institute, int earmarkLevel, EarmarkKind kind, String target, String psc,
			String pscApproval, boolean conditional, LocalDate signedOn, LocalDate due1, String amount1, LocalDate due2,
			String amount2) {
		var schedule = due2 == null ? List.of(new ScheduleLine(due1, new BigDecimal(amount1)))
				: List.of(new ScheduleLine(due1, new BigDecimal(amount1)), new ScheduleLine(due2, new BigDecimal(amount2)));
		var reportDue = due2 == null ? due1.plusMonths(6) : due2.plusMonths(6);
		return new AgreementTerms(reference, donor, currency, new BigDecimal(total), window, institute, earmarkLevel,
				kind, target, psc == null ? null : new BigDecimal(psc), pscApproval, conditional, null, null, signedOn,
				schedule, List.of(reportDue));
	}

	private void receipt(AgreementView agreement, LocalDate on, String amount, String currency, String reference) {
		contributions.recordReceipt(agreement.id(),
				new ReceiptCommand(on, new BigDecimal(amount), currency, reference, null, false));
	}

}
