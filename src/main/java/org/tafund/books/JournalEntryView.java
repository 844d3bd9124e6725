package org.tafund.books;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonFormat;

/** A posted entry as stored, with its lines in order and its place in the hash chain. */
public record JournalEntryView(long id, LocalDate accountingDate, String period, Instant postedAt, String postedBy,
		SourceType sourceType, long sourceId, String description, String prevHash, String hash, List<Line> lines) {

	public record Line(int lineNo, Account account, Segment segment, @JsonFormat(shape = JsonFormat.Shape.STRING) BigDecimal debitUsd,
			@JsonFormat(shape = JsonFormat.Shape.STRING) BigDecimal creditUsd, @JsonFormat(shape = JsonFormat.Shape.STRING) BigDecimal originalAmount,
			String currency, @JsonFormat(shape = JsonFormat.Shape.STRING) BigDecimal rate, LocalDate rateDate, Dimensions dimensions) {

		/** As a draft line again: how a reversal copies it, sides swapped by {@link Posting#mirrored()}. */
		public Posting toPosting() {
			var posting = new Posting(account, segment, debitUsd, creditUsd, null, null, null, dimensions);
			if (originalAmount == null) {
				return posting;
			}
			var original = org.tafund.shared.Money.rounded(originalAmount, currency);
			return posting.converted(original, rate, rateDate);
		}

	}

	public BigDecimal totalDebits() {
		return lines.stream().map(Line::debitUsd).reduce(BigDecimal.ZERO.setScale(2), BigDecimal::add);
	}

	public BigDecimal totalCredits() {
		return lines.stream().map(Line::creditUsd).reduce(BigDecimal.ZERO.setScale(2), BigDecimal::add);
	}

}
