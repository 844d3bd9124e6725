package org.tafund.security;

public enum SecurityEventType {

	LOGIN, LOGIN_FAILED, LOCKOUT, LOGIN_REFUSED_LOCKED, LOGIN_REFUSED_DISABLED, LOGOUT, ACCESS_DENIED

}
