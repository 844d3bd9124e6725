package org.tafund.imports;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Stream;

import org.tafund.contributions.AgreementTerms;
import org.tafund.contributions.ContributionManagement;
import org.tafund.contributions.EarmarkKind;
import org.tafund.contributions.FundingWindow;
import org.tafund.contributions.ScheduleLine;
import org.tafund.donors.ContactPerson;
import org.tafund.donors.DonorDetails;
import org.tafund.donors.DonorManagement;
import org.tafund.donors.DonorType;
import org.tafund.imports.Cells.Problem;
import org.tafund.shared.BusinessRuleViolation;
import org.tafund.shared.Money;

/**
 * The dry run of a spreadsheet: every row read, matched against what is recorded and checked by
 * the rules the pages apply, with what would be created and every refused cell. Nothing is stored;
 * what it found clean is what {@link SpreadsheetImports#confirm} creates.
 */
final class Check {

	/**
	 * Text as the database compares it (utf8mb4_unicode_ci): without regard to case or accents, ß as
	 * ss, so that a row the database would take for one already recorded is taken for it here too.
	 */
	static String key(String text) {
		return java.text.Normalizer.normalize(text, java.text.Normalizer.Form.NFD)
			.replaceAll("\\p{M}", "")
			.toLowerCase(Locale.ROOT)
			.replace("ß", "ss");
	}

	/** What becomes of a row. */
	enum Outcome {
		NEW, RECORDED, REFUSED
	}

	record RowPlan(String sheet, int row, Layout layout, Outcome outcome, String what) {
	}

	/** A donor as rows name it: name (spaces and case aside) and type. */
	record DonorRef(String name, DonorType type) {

		static DonorRef of(String name, DonorType type) {
			return new DonorRef(key(name.strip().replaceAll("\\s+", " ")), type);
		}

	}

	record NewDonor(DonorRef ref, DonorDetails details) {
	}

	record NewPledge(DonorRef donor, LocalDate pledgedOn, BigDecimal amount, String currency, FundingWindow window,
			String note) {
	}

	record NewAgreement(DonorRef donor, AgreementTerms terms) {

		/** The terms, for the donor once it has its id. */
		AgreementTerms forDonor(long donorId) {
			var t = terms;
			return new AgreementTerms(t.reference(), donorId, t.currency(), t.amount(), t.window(), t.pniInstitute(),
					t.earmarkLevel(), t.earmarkKind(), t.earmarkTarget(), t.pscRate(), t.pscApprovalReference(),
					t.conditional(), t.periodStart(), t.periodEnd(), t.signedOn(), t.instalments(), t.reportDueDates(),
					t.inKind());
		}

	}

	/** The dry run's findings. */
	record Result(List<RowPlan> rows, List<Problem> problems, List<String> notRead, Map<DonorRef, Long> recordedDonors,
			List<NewDonor> donors, List<NewPledge> pledges, List<NewAgreement> agreements, int instalments) {

		public boolean clean() {
			return problems.isEmpty() && !rows.isEmpty();
		}

		/** Rows of a layout with an outcome. */
		public long count(Layout layout, Outcome outcome) {
			return rows.stream().filter(r -> r.layout() == layout && r.outcome() == outcome).count();
		}

		public long count(Outcome outcome) {
			return rows.stream().filter(r -> r.outcome() == outcome).count();
		}

	}

	private final DonorManagement donorManagement;

	private final ContributionManagement contributions;

	private final Locale locale;

	private final List<Problem> problems = new ArrayList<>();

	private final List<RowPlan> plan = new ArrayList<>();

	private final List<String> notRead = new ArrayList<>();

	/** Recorded donors by reference; a reference two recorded donors share maps to null. */
	private final Map<DonorRef, Long> recorded = new HashMap<>();

	/** Names of the file's donor rows that could not be read: rows naming them are refused without a word more. */
	private final java.util.Set<String> unreadDonors = new java.util.HashSet<>();

	/** Donors of the file by reference, with the row that names them first. */
	private final Map<DonorRef, Integer> inFile = new HashMap<>();

	// The row of the file's first active Member State of each country: a country has one.
	private final Map<String, Integer> memberStatesInFile = new HashMap<>();

	Check(DonorManagement donorManagement, ContributionManagement contributions, Locale locale) {
		this.donorManagement = donorManagement;
		this.contributions = contributions;
		this.locale = locale;
	}

	Result run(List<Tables.Table> tables) {
		var byLayout = new EnumMap<Layout, List<Tables.Table>>(Layout.class);
		for (var table : tables) {
			if (table.header().isEmpty()) {
				continue;
			}
			var layout = Layout.of(table.name(), table.header());
			if (layout.isEmpty()) {
				notRead.add(table.name());
				continue;
			}
			byLayout.computeIfAbsent(layout.get(), l -> new ArrayList<>()).add(table);
			Cells.unread(table, layout.get()).forEach(h -> notRead.add(table.name() + " › " + h));
		}
		for (var donor : donorManagement.keys()) {
			var ref = DonorRef.of(donor.name(), donor.type());
			recorded.put(ref, recorded.containsKey(ref) ? null : donor.id());
		}
		var donors = donors(byLayout.getOrDefault(Layout.DONORS, List.of()));
		var checks = contributions.checks();
		var pledges = pledges(byLayout.getOrDefault(Layout.PLEDGES, List.of()), checks);
		var instalments = instalments(byLayout.getOrDefault(Layout.INSTALMENTS, List.of()));
		var agreements = agreements(byLayout.getOrDefault(Layout.AGREEMENTS, List.of()), instalments, checks);
		int newInstalments = 0;
		for (var group : instalments.values()) {
			// A line goes as its agreement goes: created with it, recorded with it, or refused with it.
			var outcome = group.agreement == null ? Outcome.REFUSED : group.agreement.outcome;
			for (var line : group.lines) {
				if (group.agreement == null && !line.refused) {
					line.cells.refuse(line.row, "Agreement reference", "import.agreement.unknown", line.reference);
				}
				var o = line.refused ? Outcome.REFUSED : outcome;
				if (o == Outcome.NEW) {
					newInstalments++;
				}
				plan.add(new RowPlan(line.sheet, line.row.number(), Layout.INSTALMENTS, o,
						line.reference + " · " + line.dueOn + " · " + plain(line.amount)));
			}
		}
		if (plan.isEmpty() && problems.isEmpty()) {
			problems.add(new Problem("", 0, null, null, Cells.message("import.nothing")));
		}
		return new Result(List.copyOf(plan), List.copyOf(problems), List.copyOf(notRead), recorded, donors, pledges,
				agreements, newInstalments);
	}

	private List<NewDonor> donors(List<Tables.Table> tables) {
		var created = new ArrayList<NewDonor>();
		for (var table : tables) {
			var cells = new Cells(table, Layout.DONORS, problems, locale);
			for (var row : table.rows()) {
				var name = cells.required(row, "Name", 200);
				var type = cells.code(row, "Type", DonorType.class, true);
				var country = cells.text(row, "Country", 3);
				var iati = cells.text(row, "IATI identifier", 100);
				var orgType = cells.text(row, "IATI organisation type", 3);
				var notes = cells.text(row, "Notes", 2000);
				var active = cells.yesNo(row, "Active");
				var contactName = cells.text(row, "Contact name", 200);
				var contactEmail = cells.text(row, "Contact e-mail", 254);
				var contactRole = cells.text(row, "Contact role", 100);
				if (contactEmail != null && !contactEmail.matches("[^@\\s]+@[^@\\s]+\\.[^@\\s]+")) {
					cells.refuse(row, "Contact e-mail", "import.cell.email", contactEmail);
				}
				if (contactName == null && (contactEmail != null || contactRole != null)) {
					// The donor page keeps a contact only with a name: the rest would be lost without a word.
					cells.refuse(row, "Contact name", "import.cell.contactName");
				}
				if (name == null || type == null) {
					if (name != null) {
						unreadDonors.add(DonorRef.of(name, DonorType.OTHER).name());
					}
					plan.add(new RowPlan(table.name(), row.number(), Layout.DONORS, Outcome.REFUSED, Objects.toString(name, "")));
					continue;
				}
				var ref = DonorRef.of(name, type);
				var what = name + " (" + type + (country == null ? "" : ", " + country) + ")";
				var first = inFile.putIfAbsent(ref, row.number());
				if (first != null) {
					cells.refuse(row, "Name", "import.donor.twice", first);
				}
				else if (recorded.containsKey(ref)) {
					plan.add(new RowPlan(table.name(), row.number(), Layout.DONORS, Outcome.RECORDED, what));
					continue;
				}
				var details = new DonorDetails(name, type, country, iati, orgType, notes, active == null || active,
						contactName == null ? List.of() : List.of(new ContactPerson(contactName, contactEmail, contactRole)));
				if (type == DonorType.MEMBER_STATE && country != null && (active == null || active) && first == null) {
					var earlier = memberStatesInFile.putIfAbsent(country.strip().toUpperCase(java.util.Locale.ROOT),
							row.number());
					if (earlier != null) {
						cells.refuse(row, "Country", "import.memberState.twice", country.strip(), earlier);
					}
				}
				if (!cells.refused(row)) {
					try {
						donorManagement.check(details);
					}
					catch (BusinessRuleViolation e) {
						cells.refuse(row, "iatiOrgType".equals(e.field()) ? "IATI organisation type" : "Country", e);
					}
				}
				var outcome = cells.refused(row) ? Outcome.REFUSED : Outcome.NEW;
				if (outcome == Outcome.NEW) {
					created.add(new NewDonor(ref, details));
				}
				plan.add(new RowPlan(table.name(), row.number(), Layout.DONORS, outcome, what));
			}
		}
		return created;
	}

	/** The donor a row names: recorded (its id), in the file (0), or refused (null). */
	private Long donorOf(Cells cells, Tables.Row row, String name, DonorType type) {
		if (name == null || type == null) {
			return null;
		}
		var ref = DonorRef.of(name, type);
		if (inFile.containsKey(ref) && !recorded.containsKey(ref)) {
			return 0L;
		}
		if (recorded.containsKey(ref)) {
			var id = recorded.get(ref);
			if (id == null) {
				cells.refuse(row, "Donor name", "import.donor.ambiguous", name, type.name());
			}
			return id;
		}
		if (!unreadDonors.contains(ref.name())) {
			cells.refuse(row, "Donor name", "import.donor.unknown", name, type.name());
		}
		return null;
	}

	private List<NewPledge> pledges(List<Tables.Table> tables, ContributionManagement.Checks checks) {
		var created = new ArrayList<NewPledge>();
		var keyed = new HashMap<String, Integer>();
		List<Object[]> rows = new ArrayList<>();
		for (var table : tables) {
			var cells = new Cells(table, Layout.PLEDGES, problems, locale);
			for (var row : table.rows()) {
				var name = cells.required(row, "Donor name", 200);
				var type = cells.code(row, "Donor type", DonorType.class, true);
				var on = cells.date(row, "Pledged on", true);
				var amount = cells.amount(row, "Amount", true);
				var currency = upper(cells.required(row, "Currency", 3));
				var window = cells.code(row, "Funding window", FundingWindow.class, false);
				var note = cells.text(row, "Note", 500);
				var donorId = donorOf(cells, row, name, type);
				rows.add(new Object[] { table, cells, row, name, type, on, amount, currency, window, note, donorId });
			}
		}
		// The recorded pledges of the donors named, in one pass: what tells a pledge already there.
		var donorIds = rows.stream().map(r -> (Long) r[10]).filter(id -> id != null && id > 0).distinct().toList();
		var recordedPledges = contributions.pledgeKeys(donorIds);
		for (var r : rows) {
			var table = (Tables.Table) r[0];
			var cells = (Cells) r[1];
			var row = (Tables.Row) r[2];
			var name = (String) r[3];
			var type = (DonorType) r[4];
			var on = (LocalDate) r[5];
			var amount = (BigDecimal) r[6];
			var currency = (String) r[7];
			var donorId = (Long) r[10];
			var what = Stream.of(name, Objects.toString(on, null), currency, amount == null ? null : plain(amount))
				.filter(Objects::nonNull)
				.reduce((a, b) -> a + " · " + b)
				.orElse("");
			if (cells.refused(row) || donorId == null) {
				plan.add(new RowPlan(table.name(), row.number(), Layout.PLEDGES, Outcome.REFUSED, what));
				continue;
			}
			try {
				checks.pledge(on, amount, currency, (FundingWindow) r[8], (String) r[9]);
			}
			catch (BusinessRuleViolation e) {
				cells.refuse(row, columnOfPledge(e), e);
				plan.add(new RowPlan(table.name(), row.number(), Layout.PLEDGES, Outcome.REFUSED, what));
				continue;
			}
			var money = new Money(amount, currency);
			var key = ContributionManagement.pledgeKey(donorId, on, money) + (donorId == 0 ? "|" + DonorRef.of(name, type) : "");
			var first = keyed.putIfAbsent(key, row.number());
			if (first != null) {
				cells.refuse(row, "Amount", "import.pledge.twice", first);
				plan.add(new RowPlan(table.name(), row.number(), Layout.PLEDGES, Outcome.REFUSED, what));
			}
			else if (donorId > 0 && recordedPledges.contains(key)) {
				plan.add(new RowPlan(table.name(), row.number(), Layout.PLEDGES, Outcome.RECORDED, what));
			}
			else {
				created.add(new NewPledge(DonorRef.of(name, type), on, amount, currency, (FundingWindow) r[8], (String) r[9]));
				plan.add(new RowPlan(table.name(), row.number(), Layout.PLEDGES, Outcome.NEW, what));
			}
		}
		return created;
	}

	private static String columnOfPledge(BusinessRuleViolation e) {
		var code = e.messageKey();
		if ("pledgedOn".equals(e.field()) || code.startsWith("pledge.date")) {
			return "Pledged on";
		}
		if (code.equals("fx.missing") || code.startsWith("money.currency")) {
			return "Currency";
		}
		return "Amount";
	}

	/** An instalment row, kept until its agreement is read. */
	private static final class Line {

		String sheet;

		Cells cells;

		Tables.Row row;

		String reference;

		LocalDate dueOn;

		BigDecimal amount;

		boolean refused;

	}

	/** The instalment rows of one agreement reference, and that agreement's plan once read. */
	private static final class Group {

		final List<Line> lines = new ArrayList<>();

		RowPlan agreement;

	}

	private Map<String, Group> instalments(List<Tables.Table> tables) {
		var groups = new LinkedHashMap<String, Group>();
		for (var table : tables) {
			var cells = new Cells(table, Layout.INSTALMENTS, problems, locale);
			for (var row : table.rows()) {
				var line = new Line();
				line.sheet = table.name();
				line.cells = cells;
				line.row = row;
				line.reference = cells.required(row, "Agreement reference", 60);
				line.dueOn = cells.date(row, "Due on", true);
				line.amount = cells.amount(row, "Amount", true);
				line.refused = cells.refused(row);
				groups.computeIfAbsent(line.reference == null ? "" : key(line.reference), k -> new Group()).lines.add(line);
			}
		}
		return groups;
	}

	private List<NewAgreement> agreements(List<Tables.Table> tables, Map<String, Group> instalments,
			ContributionManagement.Checks checks) {
		var created = new ArrayList<NewAgreement>();
		var references = new ArrayList<String>();
		for (var table : tables) {
			var cells = new Cells(table, Layout.AGREEMENTS, new ArrayList<>(), locale);
			for (var row : table.rows()) {
				var reference = cells.text(row, "Reference", 60);
				if (reference != null) {
					references.add(reference);
				}
			}
		}
		var taken = new HashMap<String, Long>();
		contributions.donorsOfReferences(references).forEach((reference, donor) -> taken.put(key(reference), donor));
		var seen = new HashMap<String, Integer>();
		for (var table : tables) {
			var cells = new Cells(table, Layout.AGREEMENTS, problems, locale);
			for (var row : table.rows()) {
				var reference = cells.required(row, "Reference", 60);
				var name = cells.required(row, "Donor name", 200);
				var type = cells.code(row, "Donor type", DonorType.class, true);
				var currency = upper(cells.required(row, "Currency", 3));
				var total = cells.amount(row, "Total", true);
				var window = cells.code(row, "Funding window", FundingWindow.class, true);
				var pni = cells.text(row, "PNI institute", 100);
				var level = cells.whole(row, "Earmark level");
				var kind = cells.code(row, "Earmark kind", EarmarkKind.class, false);
				var target = cells.text(row, "Earmark target", 100);
				var psc = cells.rate(row, "PSC rate");
				var pscReference = cells.text(row, "PSC approval reference", 100);
				var conditional = cells.yesNo(row, "Conditional");
				var inKind = cells.yesNo(row, "In kind");
				var start = cells.date(row, "Period start", false);
				var end = cells.date(row, "Period end", false);
				var signedOn = cells.date(row, "Signed on", false);
				var due1 = cells.date(row, "Report due 1", false);
				var due2 = cells.date(row, "Report due 2", false);
				var donorId = donorOf(cells, row, name, type);
				var key = reference == null ? null : key(reference);
				var group = key == null ? null : instalments.get(key);
				var what = Stream.of(reference, name, currency, total == null ? null : plain(total))
					.filter(Objects::nonNull)
					.reduce((a, b) -> a + " · " + b)
					.orElse("");
				Outcome outcome;
				if (key != null && seen.putIfAbsent(key, row.number()) != null) {
					cells.refuse(row, "Reference", "import.agreement.twice", seen.get(key));
					outcome = Outcome.REFUSED;
				}
				else if (key != null && taken.containsKey(key)) {
					if (donorId != null && donorId > 0 && taken.get(key).equals(donorId)) {
						outcome = Outcome.RECORDED;
					}
					else {
						cells.refuse(row, "Reference", "import.agreement.otherDonor", reference);
						outcome = Outcome.REFUSED;
					}
				}
				else if (cells.refused(row) || donorId == null) {
					outcome = Outcome.REFUSED;
				}
				else {
					if (group != null) {
						checkLines(group, currency);
					}
					var lines = group == null ? List.<ScheduleLine>of()
							: group.lines.stream().filter(l -> !l.refused).map(l -> new ScheduleLine(l.dueOn, l.amount)).toList();
					boolean linesRefused = group != null && group.lines.stream().anyMatch(l -> l.refused);
					var terms = new AgreementTerms(reference, donorId, currency, total, window, pni,
							level == null ? 1 : level, kind, target, psc, pscReference, Boolean.TRUE.equals(conditional),
							start, end, signedOn, lines,
							Stream.of(due1, due2).filter(Objects::nonNull).toList(), Boolean.TRUE.equals(inKind));
					try {
						checks.agreement(terms);
						outcome = Outcome.NEW;
						created.add(new NewAgreement(DonorRef.of(name, type), terms));
					}
					catch (BusinessRuleViolation e) {
						// A schedule that cannot add up because one of its lines was refused says nothing more.
						var line = e.messageKey().equals("agreement.schedule.outsidePeriod") && group != null
								? group.lines.stream().filter(l -> String.valueOf(l.dueOn).equals(String.valueOf(e.arguments()[0]))).findFirst()
								: java.util.Optional.<Line>empty();
						if (line.isPresent()) {
							// Beside the instalment whose date falls outside the period.
							line.get().cells.refuse(line.get().row, "Due on", e);
							line.get().refused = true;
						}
						else if (!(linesRefused && e.messageKey().startsWith("agreement.schedule"))) {
							cells.refuse(row, columnOfAgreement(e), e);
						}
						outcome = Outcome.REFUSED;
					}
				}
				var plan = new RowPlan(table.name(), row.number(), Layout.AGREEMENTS, outcome,
						what + (group == null ? "" : " · " + group.lines.size() + " ×"));
				this.plan.add(plan);
				if (group != null && group.agreement == null) {
					group.agreement = plan;
				}
			}
		}
		return created;
	}

	/**
	 * Each instalment line by the rules of an amount of the agreement's currency and of a planning date,
	 * refused beside its own cell: the agreement's schedule is then not checked on top.
	 */
	private static void checkLines(Group group, String currency) {
		try {
			Money.digits(currency);
		}
		catch (BusinessRuleViolation e) {
			return;
		}
		for (var line : group.lines) {
			if (line.refused) {
				continue;
			}
			try {
				if (!new Money(line.amount, currency).isPositive()) {
					line.cells.refuse(line.row, "Amount", "agreement.schedule.positive");
					line.refused = true;
				}
			}
			catch (BusinessRuleViolation e) {
				line.cells.refuse(line.row, "Amount", e);
				line.refused = true;
			}
			try {
				org.tafund.shared.PlanningDates.require(line.dueOn, "dueOn");
			}
			catch (BusinessRuleViolation e) {
				line.cells.refuse(line.row, "Due on", e);
				line.refused = true;
			}
		}
	}

	private static String columnOfAgreement(BusinessRuleViolation e) {
		if (e.field() != null) {
			return switch (e.field()) {
				case "signedOn" -> "Signed on";
				case "periodStart" -> "Period start";
				case "periodEnd" -> "Period end";
				default -> null;
			};
		}
		var code = e.messageKey();
		if (code.equals("fx.missing") || code.startsWith("money.currency")) {
			return "Currency";
		}
		if (code.equals("agreement.schedule.required") || code.startsWith("agreement.reference")) {
			return "Reference";
		}
		if (code.equals("agreement.schedule.outsidePeriod") || code.equals("agreement.period.order")) {
			return "Period end";
		}
		if (code.startsWith("agreement.schedule") || code.startsWith("money.") || code.equals("agreement.amount.positive")) {
			return "Total";
		}
		if (code.equals("agreement.pni.required")) {
			return "PNI institute";
		}
		if (code.equals("agreement.earmark.level")) {
			return "Earmark level";
		}
		if (code.startsWith("agreement.earmark") || code.equals("donor.country.unknown")) {
			return "Earmark target";
		}
		if (code.startsWith("agreement.psc") || code.startsWith("psc.")) {
			return "PSC rate";
		}
		if (code.startsWith("agreement.inKind")) {
			return "In kind";
		}
		return null;
	}

	private static String upper(String code) {
		return code == null ? null : code.toUpperCase(Locale.ROOT);
	}

	private static String plain(BigDecimal amount) {
		return amount == null ? "" : amount.stripTrailingZeros().toPlainString();
	}

}
