package org.tafund.approvals;

import org.tafund.shared.Summary;
import java.math.BigDecimal;
import java.util.Objects;

/**
 * What a module hands over for approval: the action, the record it concerns (type, id and a label
 * people read, such as an agreement's reference), a one-line summary in words each reader's language
 * can say ({@link Summary}), its USD amount (null for an
 * action without one), the key that makes two records the same (agreement, amount, date and
 * reference for a receipt) and the command to book on approval (a record, kept as JSON and read
 * back by the action's {@link ApprovalExecutor}).
 */
public record PendingRecord(ApprovalAction action, String subjectType, Long subjectId, String subjectLabel,
		Summary summary, BigDecimal amountUsd, String duplicateKey, Object command) {

	public PendingRecord {
		Objects.requireNonNull(action, "action");
		Objects.requireNonNull(subjectType, "subjectType");
		Objects.requireNonNull(subjectLabel, "subjectLabel");
		Objects.requireNonNull(summary, "summary");
		Objects.requireNonNull(duplicateKey, "duplicateKey");
		Objects.requireNonNull(command, "command");
		// The key is stored in a 255-character column with the action's name before it.
		if (duplicateKey.length() > 200) {
			duplicateKey = duplicateKey.substring(0, 136) + "#" + Integer.toHexString(duplicateKey.hashCode());
		}
	}

}
