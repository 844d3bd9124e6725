package org.tafund.notifications;

/** Who a notification is for: the user, and the address their e-mails go to (none: in the application only). */
public record Recipient(String username, String email) {
}
