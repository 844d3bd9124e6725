/**
 * What the application tells its users: notifications in the application (the bell, the list,
 * marked read) and by e-mail through any SMTP server, in each user's language, each user choosing
 * which kinds reach them by e-mail. The reminders themselves are decided by the scheduled jobs.
 */
package org.tafund.notifications;
