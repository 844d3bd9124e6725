package org.tafund.security;

import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;
import org.tafund.shared.BusinessRuleViolation;

/**
 * Makes sure somebody can sign in once startup is over, before the server takes requests: the
 * demo users where demo users are enabled (default profile only), else the first administrator
 * from {@code TAFUND_ADMIN_USER}/{@code TAFUND_ADMIN_PASSWORD} on an empty database, else a stop
 * with one sentence saying what to set.
 */
@Component
class UserBootstrap implements SmartInitializingSingleton {

	static final String DEMO_PASSWORD = "tafund-demo-2026";

	/** A demo user: its role, and a second one where the demo needs it (the approver of finance's records). */
	record DemoUser(String username, String fullName, Role role, Role alsoRole) {

		DemoUser(String username, String fullName, Role role) {
			this(username, fullName, role, null);
		}

		java.util.Set<Role> roles() {
			return alsoRole == null ? EnumSet.of(role) : EnumSet.of(role, alsoRole);
		}

	}

	static final List<DemoUser> DEMO_USERS = List.of(
			new DemoUser("donor.officer", "Dana Officer (donor relations)", Role.DONOR_RELATIONS),
			new DemoUser("project.manager", "Pablo Manager (projects)", Role.PROJECT_MANAGER),
			new DemoUser("finance.officer", "Fatima Officer (finance)", Role.FINANCE),
			new DemoUser("finance.approver", "Felix Approver (finance, approves)", Role.FINANCE, Role.APPROVER),
			new DemoUser("admin", "Ada Admin (administration)", Role.ADMIN),
			new DemoUser("auditor", "Aude Auditor (audit)", Role.AUDITOR));

	private static final Logger log = LoggerFactory.getLogger(UserBootstrap.class);

	private final UserManagement users;

	private final MessageSource messages;

	private final boolean demoUsers;

	private final String adminUsername;

	private final String adminPassword;

	UserBootstrap(UserManagement users, MessageSource messages, @Value("${tafund.demo.users:false}") boolean demoUsers,
			@Value("${tafund.admin.username:}") String adminUsername,
			@Value("${tafund.admin.password:}") String adminPassword) {
		this.users = users;
		this.messages = messages;
		this.demoUsers = demoUsers;
		this.adminUsername = adminUsername;
		this.adminPassword = adminPassword;
	}

	@Override
	public void afterSingletonsInstantiated() {
		if (demoUsers) {
			for (var demo : DEMO_USERS) {
				if (users.findByUsername(demo.username()).isEmpty()) {
					users.create(new NewUser(demo.username(), demo.fullName(), demo.username() + "@tafund.example",
							DEMO_PASSWORD, demo.roles()));
				}
			}
		}
		if (users.count() > 0) {
			return;
		}
		if (adminUsername.isBlank() || adminPassword.isBlank()) {
			throw new NoAdministratorConfigured();
		}
		try {
			users.create(new NewUser(adminUsername, "Administrator", null, adminPassword, Set.of(Role.ADMIN)));
		}
		catch (BusinessRuleViolation e) {
			throw new IllegalStateException("TAFUND_ADMIN_USER/TAFUND_ADMIN_PASSWORD refused: "
					+ messages.getMessage(e, Locale.ENGLISH));
		}
		log.info("Created the first administrator '{}' from TAFUND_ADMIN_USER.", adminUsername);
	}

}
