package org.tafund.notifications;

/** What a notification is about; each user chooses which kinds also reach them by e-mail. */
public enum NotificationKind {

	/** Instalments past due and not fully received (daily, to donor relations). */
	OVERDUE_INSTALMENTS,

	/** A report owed to a donor, 30 and 7 days before it is due (to donor relations). */
	REPORT_DUE,

	/** Last month's revaluation not run, or currencies in use without this month's rate (to finance). */
	MONTH_END

}
