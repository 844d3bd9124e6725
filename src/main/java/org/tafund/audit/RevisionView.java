package org.tafund.audit;

import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/** One revision as the audit pages show it: who, when, which records, what changed. */
record RevisionView(long number, Instant at, String username, List<RecordChange> changes) {

	/** One record touched by a revision. {@code kind} is ADD, MOD or DEL. */
	/**
	 * A record changed by the revision; {@code idKey} is the label's key when the record's id is itself
	 * a code with a label (an approval rule is known by its action), else null.
	 */
	record RecordChange(String entity, Object id, String kind, List<PropertyChange> properties, String idKey) {

		RecordChange(String entity, Object id, String kind, List<PropertyChange> properties) {
			this(entity, id, kind, properties, AuditTrail.labelKeyOf(id));
		}

	}

	/**
	 * One property of a record, before and after the revision. A value that is a code of an
	 * enumeration with labels in the message bundles carries the label's key too.
	 */
	record PropertyChange(String property, String before, String after, String beforeKey, String afterKey) {

		private static final Set<String> ACRONYMS = Set.of("usd", "psc", "iati", "pni", "id", "dac", "ip");

		PropertyChange(String property, String before, String after) {
			this(property, before, after, null, null);
		}

		/** The property's name in words, for a property without a label in the bundles: pscRate, "PSC rate". */
		public String words() {
			var words = property.split("(?<=[a-z0-9])(?=[A-Z])");
			var out = new StringBuilder();
			for (int i = 0; i < words.length; i++) {
				var word = words[i].toLowerCase(Locale.ROOT);
				if (ACRONYMS.contains(word)) {
					word = word.toUpperCase(Locale.ROOT);
				}
				else if (i == 0) {
					word = Character.toUpperCase(word.charAt(0)) + word.substring(1);
				}
				out.append(i == 0 ? "" : " ").append(word);
			}
			return out.toString();
		}

	}

}
