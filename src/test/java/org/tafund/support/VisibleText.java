package org.tafund.support;

/** Reads a page as a person does. */
public final class VisibleText {

	private VisibleText() {
	}

	/**
	 * The text a person sees: no scripts, styles, comments, tags or attributes; entities decoded. A
	 * {@code <code>} element shows a machine value on purpose (an account code, a value to type in a
	 * spreadsheet) and is left out.
	 */
	public static String of(String html) {
		return html.replaceAll("(?s)<script\\b.*?</script>", " ")
			.replaceAll("(?s)<code\\b.*?</code>", " ")
			.replaceAll("(?s)<style\\b.*?</style>", " ")
			.replaceAll("(?s)<!--.*?-->", " ")
			.replaceAll("(?s)<[^>]*>", " ")
			.replace("&nbsp;", " ")
			.replace("&amp;", "&")
			.replace("&lt;", "<")
			.replace("&gt;", ">")
			.replace("&quot;", "\"")
			.replace("&#39;", "'");
	}

}
