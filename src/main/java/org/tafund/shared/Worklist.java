package org.tafund.shared;

import java.math.BigDecimal;
import java.util.List;

/**
 * One role's worklist on the home page, given by the module that owns the work: what needs doing
 * now, as figures with links to the pages where it is done, and a chart. The home page shows the
 * worklists of every role the user holds.
 */
public interface Worklist {

	/** The role whose home page shows it, as the security module names it (DONOR_RELATIONS, FINANCE…). */
	String role();

	/** The worklist of the signed-in user {@code username} as of now. */
	Panel panel(String username);

	/** A worklist: its title, its lines and one chart (empty bars: nothing to draw). */
	record Panel(String titleKey, List<Item> items, Chart chart) {
	}

	/**
	 * One line of a worklist in the reader's words, linked to where the work is done. A line that
	 * needs attention stands out; a detail line sits under the line before it.
	 */
	record Item(String id, Summary words, String link, boolean attention, boolean detail) {

		public static Item of(String id, Summary words, String link, boolean attention) {
			return new Item(id, words, link, attention, false);
		}

		public static Item detail(Summary words, String link) {
			return new Item(null, words, link, false, true);
		}

	}

	/** A bar chart: a label and a value per bar; {@code money} draws values as USD amounts. */
	record Chart(String id, String titleKey, List<Bar> bars, boolean money) {

		public boolean isEmpty() {
			return bars.isEmpty();
		}

	}

	/** One bar; its label is already in the reader's words (a donor's name, a day, a window's label key). */
	record Bar(String label, String labelKey, BigDecimal value) {
	}

}
