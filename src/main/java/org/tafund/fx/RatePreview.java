package org.tafund.fx;

import java.io.Serializable;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * What an import would do, before it does: each rate of the file new, the same as the rate stored
 * for its currency and date, or different from it; and the lines refused. It can be stored when no
 * line is refused, none differs from what is stored, and at least one is new. Kept in the session
 * between the preview and its confirmation, hence serializable.
 */
public record RatePreview(List<Line> lines, List<RateImport.Rejection> rejections) implements Serializable {

	public enum Status {
		NEW, SAME, DIFFERENT
	}

	/** A rate of the file, with what is stored for its currency and date (null: nothing). */
	public record Line(long line, String currency, LocalDate effectiveDate, BigDecimal unitsPerUsd, Status status,
			BigDecimal stored) implements Serializable {

		FxMakerChecker.RateRow row() {
			return new FxMakerChecker.RateRow(currency, effectiveDate, unitsPerUsd);
		}

	}

	public long count(Status status) {
		return lines.stream().filter(line -> line.status() == status).count();
	}

	public boolean storable() {
		return rejections.isEmpty() && count(Status.DIFFERENT) == 0 && count(Status.NEW) > 0;
	}

}
