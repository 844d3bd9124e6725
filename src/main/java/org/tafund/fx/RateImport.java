package org.tafund.fx;

import java.util.List;

/** What a CSV import did: rows accepted, and each rejected row with its line number and reason. */
public record RateImport(int accepted, List<Rejection> rejections) {

	public record Rejection(long line, String reason) {
	}

	public boolean stored() {
		return rejections.isEmpty();
	}

}
