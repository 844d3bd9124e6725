package org.tafund.security;

import java.security.Principal;

import jakarta.validation.Valid;

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
import org.tafund.shared.RefusalReturnsTo;

/** User administration: ADMIN changes, AUDITOR reads (enforced in {@link SecurityConfiguration}). */
@Controller
@RequestMapping("/admin/users")
class UserAdminController {

	private final UserManagement users;

	private final SecondFactors factors;

	UserAdminController(UserManagement users, SecondFactors factors) {
		this.users = users;
		this.factors = factors;
	}

	@GetMapping
	String list(Model model) {
		model.addAttribute("users", users.list());
		return "admin/users";
	}

	@GetMapping("/new")
	String newForm(Model model) {
		if (!model.containsAttribute("form")) {
			model.addAttribute("form", UserForm.empty());
		}
		model.addAttribute("allRoles", Role.values());
		return "admin/user-new";
	}

	@PostMapping
	@RefusalReturnsTo("/admin/users/new")
	String create(@Valid @ModelAttribute("form") UserForm form, BindingResult result, Model model,
			RedirectAttributes flash) {
		if (result.hasErrors()) {
			model.addAttribute("allRoles", Role.values());
			return "admin/user-new";
		}
		var created = users.create(form.toCommand());
		flash.addFlashAttribute("message", "user.created");
		return "redirect:/admin/users/" + created.id();
	}

	@GetMapping("/{id}")
	String show(@PathVariable long id, Model model) {
		return userPage(id, model);
	}

	// Every action comes back to the user's page with its current values: a refused or stale
	// change shows why (PageRefusals), never a half-done one.

	@PostMapping("/{id}/roles")
	@RefusalReturnsTo("/admin/users/{id}#roles-form")
	String changeRoles(@PathVariable long id, @Valid @ModelAttribute("rolesForm") RolesForm form,
			BindingResult result, Principal principal, Model model, RedirectAttributes flash) {
		if (result.hasErrors()) {
			return userPage(id, model);
		}
		var pending = users.requestRoleChange(id, form.version() == null ? -1 : form.version(), form.roles(),
				principal.getName());
		return done(id, flash, pending ? "approval.submitted" : "user.rolesChanged");
	}

	@PostMapping("/{id}/disable")
	@RefusalReturnsTo("/admin/users/{id}")
	String disable(@PathVariable long id, @RequestParam long version, Principal principal,
			RedirectAttributes flash) {
		users.disable(id, version, principal.getName());
		return done(id, flash, "user.disabled");
	}

	@PostMapping("/{id}/enable")
	@RefusalReturnsTo("/admin/users/{id}")
	String enable(@PathVariable long id, @RequestParam long version, RedirectAttributes flash) {
		users.enable(id, version);
		return done(id, flash, "user.enabled");
	}

	@PostMapping("/{id}/unlock")
	@RefusalReturnsTo("/admin/users/{id}")
	String unlock(@PathVariable long id, RedirectAttributes flash) {
		users.unlock(id);
		return done(id, flash, "user.unlocked");
	}

	/** For someone who lost their passkey and codes: they enrol again at their next sign-in. */
	@PostMapping("/{id}/second-factors/reset")
	@RefusalReturnsTo("/admin/users/{id}")
	String resetSecondFactors(@PathVariable long id, java.security.Principal principal,
			jakarta.servlet.http.HttpServletRequest request, RedirectAttributes flash) {
		factors.reset(id, principal.getName(), request.getRemoteAddr());
		return done(id, flash, "secondFactor.reset.done");
	}

	/** Name and e-mail as an administrator types them. */
	record DetailsForm(Long version, String fullName, String email) implements java.io.Serializable {
	}

	@PostMapping("/{id}/details")
	@RefusalReturnsTo("/admin/users/{id}#details-form")
	String changeDetails(@PathVariable long id, @ModelAttribute("detailsForm") DetailsForm form, BindingResult result,
			RedirectAttributes flash) {
		users.changeDetails(id, form.version() == null ? -1 : form.version(), form.fullName(), form.email());
		return done(id, flash, "user.detailsChanged");
	}

	/**
	 * A temporary password for someone who forgot theirs: shown once on the page that answers the
	 * POST (never in a redirect's flash, which the session store would keep), to be handed over.
	 */
	@PostMapping("/{id}/password-reset")
	@RefusalReturnsTo(value = "/admin/users/{id}#password-reset", problem = "passwordProblem")
	String resetPassword(@PathVariable long id, @RequestParam long version, Principal principal, Model model,
			jakarta.servlet.http.HttpServletResponse response) {
		var temporary = users.resetPassword(id, version, principal.getName());
		response.setHeader("Cache-Control", "no-store");
		model.addAttribute("user", users.get(id));
		model.addAttribute("temporaryPassword", temporary);
		return "admin/password-reset";
	}

	/** The user's page, with the roles as chosen if they were just refused, else as they are. */
	private String userPage(long id, Model model) {
		var user = users.get(id);
		model.addAttribute("user", user);
		model.addAttribute("factors", factors.status(user.username()));
		model.addAttribute("allRoles", Role.values());
		if (!model.containsAttribute("rolesForm")) {
			model.addAttribute("rolesForm", RolesForm.of(user));
		}
		if (!model.containsAttribute("detailsForm")) {
			model.addAttribute("detailsForm", new DetailsForm(user.version(), user.fullName(), user.email()));
		}
		return "admin/user";
	}

	private static String done(long id, RedirectAttributes flash, String message) {
		flash.addFlashAttribute("message", message);
		return "redirect:/admin/users/" + id;
	}

}
