package org.tafund.reporting;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;


import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.server.ResponseStatusException;
import org.tafund.shared.Money;

/**
 * One donor's statement for a period: its agreements, their instalments (what is still due at the
 * period end), the receipts and refunds of the period with the rate used on every converted line,
 * the balance at the period end, and what the money funded: allocations to projects, and the
 * activities and participants of those projects in the period.
 */
@Component
class DonorStatement {

	/**
	 * One line of the statement, in the shape the exports take: a section per kind of line (its key:
	 * agreements, instalments, receipts, reversals, refunds, balance, funded), the description in
	 * the reader's language.
	 */
	record Line(String section, LocalDate date, String agreement, String description, BigDecimal amount,
			String currency, BigDecimal rate, LocalDate rateDate, BigDecimal usd) {

		Object[] cells() {
			return new Object[] { section, date, agreement, description, amount, currency, rate, rateDate, usd };
		}

		/** The section's heading as the reader reads it ({@code balance} names the period end). */
		String sectionTitle(Exports.Voice voice, LocalDate end) {
			return voice.codes() ? section : voice.say("statement.section." + section, voice.date(end));
		}

	}

	/** A project the donor's agreements funded, and what it did in the period. */
	record Funded(String project, String title, BigDecimal allocatedUsd, long activities, long participants,
			long women, long men) {
	}

	record Statement(ReportFilter filter, LocalDate issuedOn, long donorId, String donor, String donorType,
			String country, String countryName, String contact,
			List<StatusOfContributions.Row> agreements, List<Line> instalments, List<Line> receipts,
			List<Line> refunds, List<Funded> funded, BigDecimal receivedUsd, BigDecimal refundedUsd,
			BigDecimal outstandingUsd, BigDecimal allocatedUsd) {

		/** Every line in statement order, for CSV, XLSX and PDF, its section and words in the reader's language. */
		void lines(Exports.Voice voice, Consumer<Line> sink) {
			var end = filter().to();
			Consumer<Line> out = l -> sink.accept(new Line(l.sectionTitle(voice, end), l.date(), l.agreement(),
					l.description(), l.amount(), l.currency(), l.rate(), l.rateDate(), l.usd()));
			for (var a : agreements) {
				var window = voice.say("window." + a.window());
				out.accept(new Line("agreements", a.signedOn(), a.reference(),
						voice.say(a.conditional() ? "statement.signedConditional" : "statement.signed", window),
						a.agreed(), a.currency(), null, null, a.agreedUsd()));
			}
			instalments.forEach(out);
			receipts.forEach(out);
			refunds.forEach(out);
			for (var a : agreements) {
				out.accept(new Line("balance", end, a.reference(),
						voice.say("statement.outstanding",
								voice.number(Exports.amount(a.overdue(), a.currency()), Money.digits(a.currency())),
								a.currency()),
						a.outstanding(), a.currency(), a.periodEndRate(), a.periodEndRateDate(), a.outstandingUsd()));
			}
			for (var f : funded) {
				out.accept(new Line("funded", null, f.project(), voice.say("statement.fundedLine", f.title(),
						count(voice, f.activities()), count(voice, f.participants()), count(voice, f.women()),
						count(voice, f.men())), f.allocatedUsd(), Money.USD, null, null,
						f.allocatedUsd()));
			}
		}

		private static String count(Exports.Voice voice, long n) {
			return voice.number(BigDecimal.valueOf(n), 0);
		}

		/**
		 * The statement as a donor receives it: the Fund's heading, the date, the donor's name and
		 * contact, the subject, and a box with the period's totals in USD.
		 */
		void letterhead(com.lowagie.text.Document document, Exports.Voice voice) {
			var right = new com.lowagie.text.Paragraph(voice.say("statement.letter.place",
					voice.date(issuedOn)), Exports.regular(9));
			right.setAlignment(com.lowagie.text.Element.ALIGN_RIGHT);
			document.add(new com.lowagie.text.Paragraph(voice.say("statement.letter.office"), Exports.bold(11)));
			document.add(new com.lowagie.text.Paragraph(voice.say("statement.letter.fund"), Exports.regular(10)));
			document.add(right);
			var to = new com.lowagie.text.Paragraph();
			to.setSpacingBefore(12);
			to.add(new com.lowagie.text.Chunk(donor + "\n", Exports.bold(10)));
			if (contact != null) {
				to.add(new com.lowagie.text.Chunk(contact + "\n", Exports.regular(9)));
			}
			if (countryName != null) {
				to.add(new com.lowagie.text.Chunk(countryName + "\n", Exports.regular(9)));
			}
			document.add(to);
			var subject = new com.lowagie.text.Paragraph(voice.say("statement.letter.subject",
					voice.date(filter.from()), voice.date(filter.to())), Exports.bold(12));
			subject.setSpacingBefore(14);
			subject.setSpacingAfter(8);
			document.add(subject);
			var box = new com.lowagie.text.pdf.PdfPTable(2);
			box.setWidthPercentage(45);
			box.setHorizontalAlignment(com.lowagie.text.Element.ALIGN_LEFT);
			String[][] figures = { { voice.say("statement.box.received"), voice.number(receivedUsd, 2) },
					{ voice.say("statement.box.refunded"), voice.number(refundedUsd, 2) },
					{ voice.say("statement.box.outstanding", voice.date(filter.to())), voice.number(outstandingUsd, 2) },
					{ voice.say("statement.box.allocated"), voice.number(allocatedUsd, 2) } };
			for (var figure : figures) {
				var label = new com.lowagie.text.pdf.PdfPCell(new com.lowagie.text.Phrase(figure[0], Exports.regular(9)));
				label.setBorderWidth(0.5f);
				label.setPadding(4);
				var value = new com.lowagie.text.pdf.PdfPCell(new com.lowagie.text.Phrase(figure[1], Exports.bold(9)));
				value.setHorizontalAlignment(com.lowagie.text.Element.ALIGN_RIGHT);
				value.setNoWrap(true);
				value.setBorderWidth(0.5f);
				value.setPadding(4);
				box.addCell(label);
				box.addCell(value);
			}
			document.add(box);
		}

		/** After the tables: how the figures were converted, and where to write. */
		void closing(com.lowagie.text.Document document, Exports.Voice voice) {
			var note = new com.lowagie.text.Paragraph(voice.say("statement.letter.note", voice.date(filter.to())),
					Exports.regular(8));
			note.setSpacingBefore(10);
			document.add(note);
		}

	}

	private final JdbcClient jdbc;

	private final StatusOfContributions status;

	private final org.springframework.context.MessageSource messages;

	private final ReportChoices choices;

	private final java.time.Clock clock;

	DonorStatement(ReportsDatabase reports, StatusOfContributions status,
			org.springframework.context.MessageSource messages, ReportChoices choices, java.time.Clock clock) {
		this.clock = clock;
		this.jdbc = JdbcClient.create(reports.dataSource());
		this.status = status;
		this.messages = messages;
		this.choices = choices;
	}

	private String say(String key, Object... args) {
		return messages.getMessage(key, args, org.springframework.context.i18n.LocaleContextHolder.getLocale());
	}

	/** An amount inside a sentence, grouped as the reader groups. */
	private String plain(BigDecimal amount, String currency) {
		var voice = new Exports.Voice(messages, org.springframework.context.i18n.LocaleContextHolder.getLocale(), false);
		return voice.number(Exports.amount(amount, currency), Money.digits(currency));
	}

	@Transactional(transactionManager = ReportsDatabase.TRANSACTIONS, readOnly = true)
	Statement of(ReportFilter filter) {
		if (filter.donorId() == null) {
			throw new ResponseStatusException(org.springframework.http.HttpStatus.BAD_REQUEST,
					"A donor statement is for one donor: choose it (donorId).");
		}
		long donorId = filter.donorId();
		var donor = jdbc.sql("select name, donor_type, country from donor where id = :donorId")
			.param("donorId", donorId)
			.query()
			.listOfRows();
		if (donor.isEmpty()) {
			throw new ResponseStatusException(org.springframework.http.HttpStatus.NOT_FOUND, "No donor " + donorId);
		}
		// Only the donor and the period narrow a statement: it is the donor's whole account.
		var own = ReportFilter.period(filter.from(), filter.to()).withDonor(donorId);
		var agreements = new ArrayList<StatusOfContributions.Row>();
		status.stream(own, agreements::add);
		var receivedToDate = new LinkedHashMap<String, BigDecimal>();
		agreements.forEach(a -> receivedToDate.put(a.reference(), a.receivedToDate()));

		var instalments = new ArrayList<Line>();
		jdbc.sql("""
				select a.reference, a.currency, i.due_on, i.amount from instalment i
				  join agreement a on a.id = i.agreement_id and a.schedule_number = i.schedule_number
				 where a.donor_id = :donorId and a.signed_on is not null and a.signed_on <= :to and a.cancelled_on is null
				   and (a.closed_on is null or a.closed_on >= :from)
				 order by a.signed_on, a.reference, i.due_on, i.id""").params(period(donorId, filter)).query(rs -> {
			var reference = rs.getString(1);
			var currency = rs.getString(2);
			var due = Sql.money(rs, 4, currency);
			// Money received is applied to the oldest instalments first, as on the agreement page.
			var left = Sql.money(receivedToDate.get(reference), currency);
			var applied = left.isPositive() ? left.min(due) : Money.zero(currency);
			receivedToDate.put(reference, left.minus(applied).amount());
			var outstanding = due.minus(applied);
			instalments.add(new Line("instalments", rs.getDate(3).toLocalDate(), reference,
					say("statement.instalment", plain(due.amount(), currency), plain(applied.amount(), currency),
							currency),
					outstanding.amount(), currency, null, null, null));
		});

		var receipts = new ArrayList<Line>();
		jdbc.sql("""
				select r.received_on, a.reference, r.bank_reference, r.reversal_of, r.amount, r.currency, r.rate,
				       r.rate_date, r.usd_amount, r.reason
				  from receipt r join agreement a on a.id = r.agreement_id
				 where a.donor_id = :donorId and r.received_on between :from and :to order by r.received_on, r.id""")
			.params(period(donorId, filter))
			.query(rs -> {
			var currency = rs.getString(6);
			var reversal = rs.getObject(4) != null;
			receipts.add(new Line(reversal ? "reversals" : "receipts", rs.getDate(1).toLocalDate(),
					rs.getString(2), reversal ? say("statement.reversal", rs.getString(10)) : rs.getString(3),
					Sql.money(rs, 5, currency).amount(), currency, rs.getBigDecimal(7), rs.getDate(8).toLocalDate(),
					Sql.usd(rs, 9)));
		});

		var refunds = new ArrayList<Line>();
		jdbc.sql("""
				select f.refunded_on, a.reference, f.reason, f.amount, f.currency, f.rate, f.rate_date, f.usd_amount
				  from refund f join agreement a on a.id = f.agreement_id
				 where a.donor_id = :donorId and f.refunded_on between :from and :to order by f.refunded_on, f.id""")
			.params(period(donorId, filter))
			.query(rs -> {
			var currency = rs.getString(5);
			refunds.add(new Line("refunds", rs.getDate(1).toLocalDate(), rs.getString(2), rs.getString(3),
					Sql.money(rs, 4, currency).negated().amount(), currency, rs.getBigDecimal(6),
					rs.getDate(7).toLocalDate(), Sql.usd(rs, 8).negate()));
		});

		var funded = funded(donorId, filter.from(), filter.to());
		// The balances are the books': cash received and refunds of the period, per agreement from the journal.
		var receivedUsd = agreements.stream()
			.map(StatusOfContributions.Row::receivedInPeriodUsd)
			.reduce(BigDecimal.ZERO, BigDecimal::add);
		var refundedUsd = agreements.stream()
			.map(StatusOfContributions.Row::refundedUsd)
			.reduce(BigDecimal.ZERO, BigDecimal::add);
		var outstandingUsd = agreements.stream()
			.map(StatusOfContributions.Row::outstandingUsd)
			.filter(java.util.Objects::nonNull)
			.reduce(BigDecimal.ZERO, BigDecimal::add);
		var allocatedUsd = funded.stream().map(Funded::allocatedUsd).reduce(BigDecimal.ZERO, BigDecimal::add);
		var d = donor.get(0);
		var contact = jdbc.sql("""
				select name, role, email from donor_contact where donor_id = :donorId order by position""")
			.param("donorId", donorId)
			.query((rs, n) -> java.util.stream.Stream.of(rs.getString(1), rs.getString(2), rs.getString(3))
				.filter(t -> t != null && !t.isBlank())
				.collect(java.util.stream.Collectors.joining(", ")))
			.list()
			.stream()
			.findFirst()
			.orElse(null);
		var country = (String) d.get("country");
		return new Statement(filter, LocalDate.now(clock), donorId, (String) d.get("name"), (String) d.get("donor_type"),
				country, country == null ? null : choices.countryName(country,
						org.springframework.context.i18n.LocaleContextHolder.getLocale()), contact, agreements, instalments, receipts, refunds, funded, receivedUsd, refundedUsd,
				outstandingUsd, allocatedUsd);
	}

	private List<Funded> funded(long donorId, LocalDate from, LocalDate to) {
		Map<Long, Funded> byProject = new LinkedHashMap<>();
		jdbc.sql("""
				select p.id, p.code, p.title, sum(al.amount_usd)
				  from allocation al join agreement a on a.id = al.agreement_id join project p on p.id = al.project_id
				 where a.donor_id = :donorId and al.allocated_on <= :to
				 group by p.id, p.code, p.title order by p.code""").param("donorId", donorId).param("to", to).query(rs -> {
			byProject.put(rs.getLong(1), new Funded(rs.getString(2), rs.getString(3), Sql.usd(rs, 4), 0, 0, 0, 0));
		});
		if (byProject.isEmpty()) {
			return List.of();
		}
		jdbc.sql("""
				select v.project_id, count(*), sum(v.women + v.men + v.sex_not_recorded), sum(v.women), sum(v.men)
				  from activity v
				 where v.withdrawn_on is null and v.start_date between :from and :to
				   and v.project_id in (select al.project_id from allocation al join agreement a on a.id = al.agreement_id
				                         where a.donor_id = :donorId and al.allocated_on <= :to)
				 group by v.project_id""").param("from", from).param("to", to).param("donorId", donorId).query(rs -> {
			var f = byProject.get(rs.getLong(1));
			byProject.put(rs.getLong(1), new Funded(f.project(), f.title(), f.allocatedUsd(), rs.getLong(2),
					rs.getLong(3), rs.getLong(4), rs.getLong(5)));
		});
		return List.copyOf(byProject.values());
	}

	private static Map<String, Object> period(long donorId, ReportFilter filter) {
		return Map.of("donorId", donorId, "from", filter.from(), "to", filter.to());
	}


}
