package org.tafund.fx;

import java.util.List;

/** What a CSV import did: rows accepted, and each rejected row with its line number and reason. */
public record RateImport(int accepted, List<Rejection> rejections) implements java.io.Serializable {

	public record Rejection(long line, String reason) implements java.io.Serializable {
	}

	public boolean stored() {
		return rejections.isEmpty();
	}

}
