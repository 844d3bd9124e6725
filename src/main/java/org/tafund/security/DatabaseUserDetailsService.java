package org.tafund.security;

import java.time.Clock;

import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

@Component
class DatabaseUserDetailsService implements UserDetailsService {

	private final AppUsers users;

	private final Clock clock;

	DatabaseUserDetailsService(AppUsers users, Clock clock) {
		this.users = users;
		this.clock = clock;
	}

	@Override
	@Transactional(readOnly = true)
	public UserDetails loadUserByUsername(String username) {
		var user = users.findByUsername(UserManagement.normalise(username))
			.orElseThrow(() -> new UsernameNotFoundException("unknown user"));
		return User.withUsername(user.getUsername())
			.password(user.getPasswordHash())
			.disabled(!user.isEnabled())
			.accountLocked(user.isLockedAt(clock.instant()))
			.authorities(user.getRoles().stream().map(Role::authority).toArray(String[]::new))
			.build();
	}

}
