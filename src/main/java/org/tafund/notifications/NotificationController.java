package org.tafund.notifications;

import java.security.Principal;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.tafund.security.UserManagement;
import org.tafund.shared.RefusalReturnsTo;

/** The list behind the bell, and each user's choice of what reaches them by e-mail. */
@Controller
class NotificationController {

	static final int SHOWN = 100;

	private final Notifications notifications;

	private final UserManagement users;

	NotificationController(Notifications notifications, UserManagement users) {
		this.notifications = notifications;
		this.users = users;
	}

	@GetMapping("/notifications")
	String list(Principal user, Locale locale, Model model) {
		model.addAttribute("notifications", notifications.of(user.getName(), SHOWN, locale));
		model.addAttribute("shown", SHOWN);
		return "notifications/list";
	}

	/** Marks it read and goes on to what it is about. */
	@PostMapping("/notifications/{id}/read")
	@RefusalReturnsTo("/notifications")
	String read(@PathVariable long id, Principal user) {
		var link = notifications.markRead(user.getName(), id);
		// Links are written by the application; still, only a path of this application is followed.
		return "redirect:" + (link != null && link.startsWith("/") && !link.startsWith("//") ? link : "/notifications");
	}

	@PostMapping("/notifications/read-all")
	@RefusalReturnsTo("/notifications")
	String readAll(Principal user) {
		notifications.markAllRead(user.getName());
		return "redirect:/notifications";
	}

	/** The form: the language of e-mails and the kinds that also come by e-mail. */
	record PreferenceForm(String language, List<NotificationKind> byEmail) implements java.io.Serializable {
	}

	@GetMapping("/account/notifications")
	String preferences(Principal user, Model model) {
		if (!model.containsAttribute("form")) {
			var preference = notifications.preferenceOf(user.getName());
			model.addAttribute("form", new PreferenceForm(preference.language(),
					EnumSet.complementOf(preference.emailOff().isEmpty() ? EnumSet.noneOf(NotificationKind.class)
							: EnumSet.copyOf(preference.emailOff())).stream().toList()));
		}
		model.addAttribute("kinds", NotificationKind.values());
		model.addAttribute("languages", Notifications.LANGUAGES);
		model.addAttribute("mailEnabled", notifications.mailEnabled());
		model.addAttribute("email", users.findByUsername(user.getName()).map(u -> u.email()).orElse(null));
		return "notifications/preferences";
	}

	@PostMapping("/account/notifications")
	@RefusalReturnsTo("/account/notifications")
	String choose(@ModelAttribute("form") PreferenceForm form, BindingResult result, Principal user,
			RedirectAttributes flash) {
		notifications.choose(user.getName(), form.language() == null ? "" : form.language(),
				form.byEmail() == null || form.byEmail().isEmpty() ? EnumSet.noneOf(NotificationKind.class)
						: EnumSet.copyOf(form.byEmail()));
		flash.addFlashAttribute("message", "notifications.settings.saved");
		return "redirect:/account/notifications";
	}

}
