package org.tafund.security;

import java.time.Clock;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.data.domain.Sort;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.tafund.shared.BusinessRuleViolation;
import org.tafund.shared.ConcurrentEdit;

/**
 * Users and their roles. Disabling a user or changing their roles ends their open sessions, so
 * that what an administrator takes away is gone at once.
 */
@Service
@Transactional
public class UserManagement {

	private static final Pattern USERNAME = Pattern.compile("[a-z0-9][a-z0-9._-]{2,59}");

	private final AppUsers users;

	private final PasswordEncoder passwordEncoder;

	private final SessionTermination sessions;

	private final LoginAttempts loginAttempts;

	private final Clock clock;

	private final org.springframework.beans.factory.ObjectProvider<RoleChangeApproval> roleChangeApproval;

	UserManagement(AppUsers users, PasswordEncoder passwordEncoder, SessionTermination sessions,
			LoginAttempts loginAttempts, Clock clock,
			org.springframework.beans.factory.ObjectProvider<RoleChangeApproval> roleChangeApproval) {
		this.roleChangeApproval = roleChangeApproval;
		this.users = users;
		this.passwordEncoder = passwordEncoder;
		this.sessions = sessions;
		this.loginAttempts = loginAttempts;
		this.clock = clock;
	}

	public UserSummary create(NewUser command) {
		var username = normalise(command.username());
		if (!USERNAME.matcher(username).matches()) {
			throw BusinessRuleViolation.ofField("username", "user.username.invalid");
		}
		if (users.existsByUsername(username)) {
			throw BusinessRuleViolation.ofField("username", "user.username.taken", username);
		}
		if (command.roles() == null || command.roles().isEmpty()) {
			throw BusinessRuleViolation.ofField("roles", "user.roles.required");
		}
		PasswordPolicy.check("password", username, command.password());
		var user = new AppUser(username, command.fullName().strip(), blankToNull(command.email()),
				passwordEncoder.encode(command.password()), command.roles(), clock.instant());
		try {
			return users.saveAndFlush(user).summary(clock.instant());
		}
		catch (DataIntegrityViolationException e) {
			// Two administrators created the same username at the same moment.
			throw BusinessRuleViolation.ofField("username", "user.username.taken", username);
		}
	}

	/**
	 * A role change as an administrator asks for it: checked, then made, or kept pending (true) when
	 * an administrator has put role changes under a second person's approval.
	 */
	public boolean requestRoleChange(long userId, long expectedVersion, Set<Role> roles, String actingUsername) {
		var user = checkedRoleChange(userId, expectedVersion, roles, actingUsername);
		var approval = roleChangeApproval.getIfAvailable();
		if (approval != null && approval.holdIfRequired(userId, user.getUsername(), expectedVersion, roles)) {
			return true;
		}
		changeRoles(userId, expectedVersion, roles, actingUsername);
		return false;
	}

	public void changeRoles(long userId, long expectedVersion, Set<Role> roles, String actingUsername) {
		var user = checkedRoleChange(userId, expectedVersion, roles, actingUsername);
		user.changeRoles(EnumSet.copyOf(roles));
		flush(user);
		// Others are signed out so the change bites at once; an administrator editing their own
		// roles keeps working and gets the new ones at their next sign-in.
		if (!user.getUsername().equals(actingUsername)) {
			sessions.endSessionsOf(user.getUsername());
		}
	}

	private AppUser checkedRoleChange(long userId, long expectedVersion, Set<Role> roles, String actingUsername) {
		var user = load(userId);
		checkVersion(user, expectedVersion);
		if (roles == null || roles.isEmpty()) {
			throw new BusinessRuleViolation("user.roles.required");
		}
		if (user.getUsername().equals(actingUsername) && !roles.contains(Role.ADMIN)) {
			throw new BusinessRuleViolation("user.selfDemotion");
		}
		return user;
	}

	public void disable(long userId, long expectedVersion, String actingUsername) {
		var user = load(userId);
		checkVersion(user, expectedVersion);
		if (user.getUsername().equals(actingUsername)) {
			throw new BusinessRuleViolation("user.selfDisable");
		}
		user.disable();
		flush(user);
		sessions.endSessionsOf(user.getUsername());
	}

	public void enable(long userId, long expectedVersion) {
		var user = load(userId);
		checkVersion(user, expectedVersion);
		user.enable();
		user.unlock();
		flush(user);
	}

	/** Lifts a lockout before its 15 minutes are over, for a user who called the help desk. */
	public void unlock(long userId) {
		load(userId).unlock();
	}

	/**
	 * Wrong current passwords count towards the lockout like failed sign-ins. A changed password ends
	 * the user's other sessions (a session opened with the old password, by them or by whoever knew it);
	 * the one with session id {@code keepSession} goes on.
	 */
	public void changeOwnPassword(String username, String currentPassword, String newPassword, String address,
			String keepSession) {
		var user = users.findByUsername(username).orElseThrow(() -> new UserNotFound(username));
		if (user.isLockedAt(clock.instant())) {
			throw BusinessRuleViolation.ofField("currentPassword", "password.locked");
		}
		if (!passwordEncoder.matches(currentPassword, user.getPasswordHash())) {
			loginAttempts.recordFailure(username, address, SecurityEventType.PASSWORD_CHANGE_FAILED);
			throw BusinessRuleViolation.ofField("currentPassword", "password.currentWrong");
		}
		if (passwordEncoder.matches(newPassword, user.getPasswordHash())) {
			throw BusinessRuleViolation.ofField("newPassword", "password.unchanged");
		}
		PasswordPolicy.check("newPassword", username, newPassword);
		user.changePassword(passwordEncoder.encode(newPassword), clock.instant());
		sessions.endSessionsOf(user.getUsername(), keepSession);
	}

	/**
	 * An administrator changes a user's name and e-mail (the username never changes: it is who did
	 * what in every history).
	 */
	public void changeDetails(long userId, long expectedVersion, String fullName, String email) {
		var user = users.findById(userId).orElseThrow(() -> new UserNotFound(userId));
		if (user.getVersion() != expectedVersion) {
			throw new ConcurrentEdit("user", user.getUsername());
		}
		var name = fullName == null ? "" : fullName.strip();
		if (name.isEmpty()) {
			throw BusinessRuleViolation.ofField("fullName", "user.fullName.required");
		}
		var address = email == null || email.isBlank() ? null : email.strip();
		if (address != null && !EMAIL.matcher(address).matches()) {
			throw BusinessRuleViolation.ofField("email", "user.email.invalid", address);
		}
		user.changeDetails(org.tafund.shared.Text.bounded(name, 200, "fullName"),
				org.tafund.shared.Text.bounded(address, 254, "email"));
		try {
			users.flush();
		}
		catch (org.springframework.dao.OptimisticLockingFailureException e) {
			throw new ConcurrentEdit("user", user.getUsername());
		}
	}

	private static final java.util.regex.Pattern EMAIL = java.util.regex.Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");

	/**
	 * An administrator gives a user who forgot their password a temporary one, returned once to be
	 * handed over in person: every session of the user ends, a lockout is lifted, and at their next
	 * sign-in they choose their own before anything else. An administrator changes their own
	 * password on their account page instead.
	 */
	public String resetPassword(long userId, long expectedVersion, String actingUsername) {
		var user = users.findById(userId).orElseThrow(() -> new UserNotFound(userId));
		if (user.getVersion() != expectedVersion) {
			throw new ConcurrentEdit("user", user.getUsername());
		}
		if (user.getUsername().equals(normalise(actingUsername))) {
			throw new BusinessRuleViolation("password.reset.self");
		}
		var temporary = TemporaryPasswords.make();
		user.resetPassword(passwordEncoder.encode(temporary), clock.instant());
		users.flush();
		sessions.endSessionsOf(user.getUsername(), null);
		return temporary;
	}

	/** True when the user signs in with a temporary password and must choose their own first. */
	@Transactional(readOnly = true)
	public boolean passwordChangeRequired(String username) {
		return users.findByUsername(normalise(username)).map(AppUser::isPasswordChangeRequired).orElse(false);
	}

	@Transactional(readOnly = true)
	public List<UserSummary> list() {
		var now = clock.instant();
		return users.findAll(Sort.by("username")).stream().map(u -> u.summary(now)).toList();
	}

	@Transactional(readOnly = true)
	public List<UserSummary> withRole(Role role) {
		return list().stream().filter(u -> u.enabled() && u.hasRole(role)).toList();
	}

	@Transactional(readOnly = true)
	public UserSummary get(long userId) {
		return load(userId).summary(clock.instant());
	}

	@Transactional(readOnly = true)
	public Optional<UserSummary> findByUsername(String username) {
		return users.findByUsername(normalise(username)).map(u -> u.summary(clock.instant()));
	}

	@Transactional(readOnly = true)
	public long count() {
		return users.count();
	}

	private AppUser load(long userId) {
		return users.findById(userId).orElseThrow(() -> new UserNotFound(userId));
	}

	// Flushed here so that a concurrent edit surfaces as a conflict the pages can show, not at commit.
	private void flush(AppUser user) {
		try {
			users.flush();
		}
		catch (OptimisticLockingFailureException e) {
			throw new ConcurrentEdit("user", user.getUsername());
		}
	}

	private static void checkVersion(AppUser user, long expectedVersion) {
		if (user.getVersion() != expectedVersion) {
			throw new ConcurrentEdit("user", user.getUsername());
		}
	}

	static String normalise(String username) {
		return username == null ? "" : username.strip().toLowerCase(Locale.ROOT);
	}

	private static String blankToNull(String s) {
		return s == null || s.isBlank() ? null : s.strip();
	}

}
