/**
 * Who may do what: users and their roles, sign-in with lockout, the web and API security
 * configuration, user administration and the sign-in event log.
 */
package org.tafund.security;
