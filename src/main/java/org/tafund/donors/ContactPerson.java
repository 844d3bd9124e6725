package org.tafund.donors;

/** Somebody at the donor that donor relations officers write to. */
public record ContactPerson(String name, String email, String role) {
}
