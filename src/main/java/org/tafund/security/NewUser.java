package org.tafund.security;

import java.util.Set;

/** What it takes to create a user. */
public record NewUser(String username, String fullName, String email, String password, Set<Role> roles) {
}
