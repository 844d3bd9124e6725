package org.tafund.security;

import java.security.Principal;
import java.util.Set;

import jakarta.validation.Valid;

import org.springframework.context.support.DefaultMessageSourceResolvable;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.tafund.shared.BusinessRuleViolation;

/** User administration: ADMIN changes, AUDITOR reads (enforced in {@link SecurityConfiguration}). */
@Controller
@RequestMapping("/admin/users")
class UserAdminController {

	private final UserManagement users;

	UserAdminController(UserManagement users) {
		this.users = users;
	}

	@GetMapping
	String list(Model model) {
		model.addAttribute("users", users.list());
		return "admin/users";
	}

	@GetMapping("/new")
	String newForm(Model model) {
		model.addAttribute("form", UserForm.empty());
		model.addAttribute("allRoles", Role.values());
		return "admin/user-new";
	}

	@PostMapping
	String create(@Valid @ModelAttribute("form") UserForm form, BindingResult result, Model model,
			RedirectAttributes flash) {
		if (!result.hasErrors()) {
			try {
				var created = users.create(form.toCommand());
				flash.addFlashAttribute("message", "user.created");
				return "redirect:/admin/users/" + created.id();
			}
			catch (BusinessRuleViolation e) {
				var field = e.messageKey().startsWith("password.") ? "password"
						: e.messageKey().startsWith("user.username") ? "username" : "roles";
				result.rejectValue(field, e.messageKey(), e.arguments(), null);
			}
		}
		model.addAttribute("allRoles", Role.values());
		return "admin/user-new";
	}

	@GetMapping("/{id}")
	String show(@PathVariable long id, Model model) {
		model.addAttribute("user", users.get(id));
		model.addAttribute("allRoles", Role.values());
		return "admin/user";
	}

	@PostMapping("/{id}/roles")
	String changeRoles(@PathVariable long id, @RequestParam long version,
			@RequestParam(required = false) Set<Role> roles, Principal principal, RedirectAttributes flash) {
		return act(id, flash, "user.rolesChanged",
				() -> users.changeRoles(id, version, roles == null ? Set.of() : roles, principal.getName()));
	}

	@PostMapping("/{id}/disable")
	String disable(@PathVariable long id, @RequestParam long version, Principal principal,
			RedirectAttributes flash) {
		return act(id, flash, "user.disabled", () -> users.disable(id, version, principal.getName()));
	}

	@PostMapping("/{id}/enable")
	String enable(@PathVariable long id, @RequestParam long version, RedirectAttributes flash) {
		return act(id, flash, "user.enabled", () -> users.enable(id, version));
	}

	@PostMapping("/{id}/unlock")
	String unlock(@PathVariable long id, RedirectAttributes flash) {
		return act(id, flash, "user.unlocked", () -> users.unlock(id));
	}

	// Every action comes back to the user's page with its current values: a refused or stale
	// change shows why, never a half-done one.
	private static String act(long id, RedirectAttributes flash, String success, Runnable action) {
		try {
			action.run();
			flash.addFlashAttribute("message", success);
		}
		catch (BusinessRuleViolation e) {
			flash.addFlashAttribute("problem", new DefaultMessageSourceResolvable(e.getCodes(), e.getArguments()));
		}
		return "redirect:/admin/users/" + id;
	}

}
