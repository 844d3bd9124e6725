package org.tafund.shared;

import org.springframework.context.support.DefaultMessageSourceResolvable;

/**
 * Free text as the domain accepts it: stripped, blank as absent, and no longer than its column,
 * so that a page form without bean validation still gets a message instead of a database error.
 */
public final class Text {

	/**
	 * A LIKE pattern that finds {@code text} anywhere in a lower-cased column: lower-cased itself, its
	 * wildcards and backslashes escaped (MySQL, MariaDB and H2 all escape with a backslash).
	 */
	/**
	 * Text as a search compares it in memory, as the database compares it (utf8mb4_unicode_ci):
	 * without regard to case or accents.
	 */
	public static String comparable(String text) {
		if (text == null) {
			return "";
		}
		return java.text.Normalizer.normalize(text.strip(), java.text.Normalizer.Form.NFD)
			.replaceAll("\\p{M}", "")
			.toLowerCase(java.util.Locale.ROOT);
	}

	/** What a spreadsheet may start a formula with: ASCII, and the full-width forms some of them also take. */
	private static final String FORMULA_STARTS = "=+-@\t\r\uFF1D\uFF0B\uFF0D\uFF20";

	/**
	 * Whether a spreadsheet could read the text, or a part of it, as a formula: it starts with a
	 * formula character, or a part after a comma or semicolon does (a spreadsheet opening the file
	 * with another separator than ours splits the cell there), leading blanks ignored. Such text is
	 * written with a leading apostrophe (OWASP's CSV injection advice).
	 */
	public static boolean formulaLike(String text) {
		boolean partStart = true;
		for (int i = 0; i < text.length(); i++) {
			char c = text.charAt(i);
			if (partStart && c == ' ') {
				continue;
			}
			if (partStart && FORMULA_STARTS.indexOf(c) >= 0) {
				return true;
			}
			partStart = c == ',' || c == ';';
		}
		return false;
	}

	public static String containing(String text) {
		return "%" + text.strip().toLowerCase(java.util.Locale.ROOT).replace("\\", "\\\\").replace("%", "\\%")
			.replace("_", "\\_") + "%";
	}

	private Text() {
	}

	/**
	 * The stripped text, or null when blank; refused naming the field (message key
	 * {@code field.<name>}) when longer than {@code max} characters.
	 */
	public static String bounded(String value, int max, String field) {
		if (value == null || value.isBlank()) {
			return null;
		}
		var stripped = value.strip();
		if (stripped.length() > max) {
			throw new BusinessRuleViolation("text.tooLong",
					new DefaultMessageSourceResolvable(new String[] { "field." + field }, field), max);
		}
		return stripped;
	}

}
