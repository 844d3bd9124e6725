package org.tafund.operations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.tafund.contributions.AgreementTerms;
import org.tafund.contributions.AgreementView;
import org.tafund.contributions.ContributionManagement;
import org.tafund.contributions.FundingWindow;
import org.tafund.contributions.ScheduleLine;
import org.tafund.donors.DonorDetails;
import org.tafund.donors.DonorManagement;
import org.tafund.donors.DonorType;
import org.tafund.fx.ExchangeRateManagement;
import org.tafund.notifications.NotificationKind;
import org.tafund.security.NewUser;
import org.tafund.security.Role;
import org.tafund.security.UserManagement;
import org.tafund.security.UserSummary;
import org.tafund.support.IntegrationTest;
import org.tafund.support.OwnDatabase;
import org.tafund.support.Refused;
import org.tafund.support.TestClock;
import org.tafund.support.TestMail;
import org.tafund.support.Unique;

import jakarta.mail.internet.MimeMessage;

/**
 * The reminder jobs, their notifications under the bell and their e-mails in GreenMail, a real
 * SMTP server. Reminders read every agreement, so this class has a database of its own. "Today"
 * is {@link TestClock#TODAY}, 2026-06-15.
 */
@IntegrationTest
@OwnDatabase
class RemindersTests {

	static final String PASSWORD = "correct horse battery";

	@Autowired
	MockMvc mvc;

	@Autowired
	UserManagement users;

	@Autowired
	DonorManagement donors;

	@Autowired
	ContributionManagement contributions;

	@Autowired
	ExchangeRateManagement rates;

	@Autowired
	ScheduledJobs scheduled;

	@Autowired
	JdbcTemplate jdbc;

	@Test
	void anOverdueReminderReachesAFrenchSpeakingOfficerInFrenchAndNoOneWhoTurnedItOff() throws Exception {
		var french = user(Role.DONOR_RELATIONS, "fr", EnumSet.allOf(NotificationKind.class));
		var quiet = user(Role.DONOR_RELATIONS, "en", EnumSet.of(NotificationKind.REPORT_DUE));
		var donor = Unique.name("Overdue Donor");
		agreement(donor, "USD", "1234.50", LocalDate.parse("2026-05-31"), List.of());

		JobsTests.release(jdbc, ScheduledJobs.OVERDUE_REMINDERS);
		assertThat(scheduled.runOverdueReminders()).isTrue();

		var mails = TestMail.to(french.email());
		assertThat(mails).hasSize(1);
		assertThat(mails.get(0).getSubject()).isEqualTo("tafund : échéances en retard");
		var body = text(mails.get(0));
		assertThat(body).contains("1 échéance en retard de 1 donateur, 1\u202f234,50 USD restant dus.")
			.contains(donor + " : 1 échéance, 1\u202f234,50 USD restant dus, la plus ancienne due le 31 mai 2026")
			.contains("/contributions/overdue")
			.contains("/account/notifications");
		assertThat(TestMail.to(quiet.email())).isEmpty();
		// Not by e-mail, but under the bell, in the page's language.
		var page = mvc.perform(get("/notifications").with(as(quiet))).andReturn().getResponse().getContentAsString();
		assertThat(page).contains("1 overdue instalment from 1 donor, 1,234.50 USD outstanding.")
			.contains("id=\"notifications-count\"");
		assertThat(jdbc.queryForObject("select detail from job_run where job = ? order by id desc limit 1", String.class,
				ScheduledJobs.OVERDUE_REMINDERS)).matches("1 overdue instalments of 1 donors; \\d+ notifications, \\d+ e-mails");
	}

	@Test
	void aReportDueIsRemindedThirtyAndSevenDaysBeforeAndReadingANotificationLeadsToItsAgreement() throws Exception {
		var officer = user(Role.DONOR_RELATIONS, "en", EnumSet.allOf(NotificationKind.class));
		var donor = Unique.name("Report Donor");
		var in30 = agreement(donor, "USD", "500.00", LocalDate.parse("2026-12-31"), List.of(TestClock.TODAY.plusDays(30)));
		agreement(donor, "USD", "500.00", LocalDate.parse("2026-12-31"), List.of(TestClock.TODAY.plusDays(8)));

		JobsTests.release(jdbc, ScheduledJobs.REPORT_DUE_REMINDERS);
		assertThat(scheduled.runReportDueReminders()).isTrue();

		var mails = TestMail.to(officer.email());
		assertThat(mails).hasSize(1);
		assertThat(mails.get(0).getSubject()).isEqualTo("tafund: a donor report is due");
		assertThat(text(mails.get(0))).contains("A report to " + donor + " under agreement " + in30.reference()
				+ " is due on 15 Jul 2026, in 30 days.");
		var id = jdbc.queryForObject("select id from notification where username = ?", Long.class, officer.username());
		assertThat(mvc.perform(get("/").with(as(officer))).andReturn().getResponse().getContentAsString())
			.contains("id=\"notifications-count\"");
		mvc.perform(post("/notifications/{id}/read", id).with(as(officer)).with(csrf()))
			.andExpect(redirectedUrl("/contributions/agreements/" + in30.id()));
		assertThat(jdbc.queryForObject("select read_at is not null from notification where id = ?", Boolean.class, id)).isTrue();
		assertThat(mvc.perform(get("/").with(as(officer))).andReturn().getResponse().getContentAsString())
			.doesNotContain("id=\"notifications-count\"");
		// Someone else's notification is not theirs to read.
		var other = user(Role.DONOR_RELATIONS, "en", Set.of());
		mvc.perform(post("/notifications/{id}/read", id).with(as(other)).with(csrf()))
			.andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.status().isNotFound());
	}

	@Test
	void financeIsToldAtTheMonthStartOfAMissingRevaluationAndOfCurrenciesWithoutThisMonthsRate() throws Exception {
		var finance = user(Role.FINANCE, "es", EnumSet.allOf(NotificationKind.class));
		rates.record("NOK", LocalDate.parse("2026-01-01"), new BigDecimal("10.5"));
		rates.record("CHF", LocalDate.parse("2026-01-01"), new BigDecimal("0.9"));
		rates.record("CHF", LocalDate.parse("2026-06-01"), new BigDecimal("0.91"));
		agreement(Unique.name("NOK Donor"), "NOK", "1000000.00", LocalDate.parse("2026-12-31"), List.of());
		agreement(Unique.name("CHF Donor"), "CHF", "1000.00", LocalDate.parse("2026-12-31"), List.of());

		JobsTests.release(jdbc, ScheduledJobs.MONTH_END_REMINDERS);
		assertThat(scheduled.runMonthEndReminders()).isTrue();

		var mails = TestMail.to(finance.email()).stream().map(RemindersTests::text).toList();
		assertThat(mails).hasSize(2);
		assertThat(mails).anySatisfy(mail -> assertThat(mail).contains("La revaluación al 31 may 2026 no se ha realizado."));
		assertThat(mails).anySatisfy(mail -> assertThat(mail)
			.contains("No se ha registrado tipo operacional este mes (desde el 1 jun 2026) para NOK,"));

		// Once the revaluation has run and NOK has its June rate, nothing more is said.
		rates.record("NOK", LocalDate.parse("2026-06-01"), new BigDecimal("10.6"));
		contributions.revalue(LocalDate.parse("2026-05-31"));
		JobsTests.release(jdbc, ScheduledJobs.MONTH_END_REMINDERS);
		assertThat(scheduled.runMonthEndReminders()).isTrue();
		assertThat(TestMail.to(finance.email())).hasSize(2);
		assertThat(jdbc.queryForObject("select detail from job_run where job = ? order by id desc limit 1", String.class,
				ScheduledJobs.MONTH_END_REMINDERS)).isEqualTo("nothing missing at 2026-05-31");
	}

	@Test
	void theSettingsPageKeepsTheChoiceAndRefusesALanguageThatIsNotOffered() throws Exception {
		var officer = user(Role.DONOR_RELATIONS, "fr", EnumSet.of(NotificationKind.REPORT_DUE));
		var page = mvc.perform(get("/account/notifications").with(as(officer))).andReturn().getResponse().getContentAsString();
		assertThat(page).contains("<option value=\"fr\" lang=\"fr\" selected=\"selected\">")
			.containsPattern("value=\"REPORT_DUE\"[^>]*checked=\"checked\"")
			.doesNotContainPattern("value=\"OVERDUE_INSTALMENTS\"[^>]*checked")
			.contains("E-mails go to " + officer.email());
		var refused = Refused.redirect(mvc, preferences("de", Set.of()), as(officer), "/account/notifications");
		assertThat(Refused.fieldError(refused, "form", "language")).isEqualTo("notifications.language.invalid");
		assertThat(Refused.follow(mvc, refused, as(officer))).contains("Choose English, French or Spanish.");
	}

	/** A user of {@code role} with an e-mail address, who chose {@code language} and the kinds {@code byEmail}. */
	UserSummary user(Role role, String language, Set<NotificationKind> byEmail) throws Exception {
		var name = Unique.name("reminded");
		var user = users.create(new NewUser(name, "Reminded User", name + "@tafund.test", PASSWORD, EnumSet.of(role)));
		mvc.perform(preferences(language, byEmail).with(as(user)).with(csrf()))
			.andExpect(redirectedUrl("/account/notifications"));
		return user;
	}

	static MockHttpServletRequestBuilder preferences(String language, Set<NotificationKind> byEmail) {
		var form = post("/account/notifications").param("language", language);
		byEmail.forEach(kind -> form.param("byEmail", kind.name()));
		return form;
	}

	static org.springframework.test.web.servlet.request.RequestPostProcessor as(UserSummary user) {
		return org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user(user.username()).authorities(user.roles()
			.stream()
			.map(role -> new org.springframework.security.core.authority.SimpleGrantedAuthority(role.authority()))
			.toList());
	}

	AgreementView agreement(String donorName, String currency, String amount, LocalDate due, List<LocalDate> reportsDue) {
		var donor = donors.register(new DonorDetails(donorName, DonorType.FOUNDATION, null, null, null, null, true, List.of()))
			.id();
		return contributions.createAgreement(new AgreementTerms(Unique.name("RM"), donor, currency, new BigDecimal(amount),
				FundingWindow.CPCJF_GENERAL_PURPOSE, null, 1, null, null, null, null, false, null, null,
				LocalDate.parse("2026-01-10"), List.of(new ScheduleLine(due, new BigDecimal(amount))), reportsDue));
	}

	static String text(MimeMessage message) {
		try {
			return message.getContent().toString().replace("\r\n", "\n");
		}
		catch (Exception e) {
			throw new IllegalStateException(e);
		}
	}

}
