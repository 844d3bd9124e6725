package org.tafund.security;

import java.security.Principal;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.tafund.shared.RefusalReturnsTo;

/** Every signed-in user changes their own password here. */
@Controller
@RequestMapping("/account/password")
class AccountController {

	private final UserManagement users;

	AccountController(UserManagement users) {
		this.users = users;
	}

	@GetMapping
	String editForm(Model model, HttpServletRequest request) {
		if (!model.containsAttribute("form")) {
			model.addAttribute("form", PasswordForm.empty());
		}
		var session = request.getSession(false);
		model.addAttribute("mustChange",
				session != null && Boolean.TRUE.equals(session.getAttribute(PasswordChangeGate.REQUIRED)));
		return "security/password";
	}

	@PostMapping
	@RefusalReturnsTo("/account/password")
	String update(@Valid @ModelAttribute("form") PasswordForm form, BindingResult result, Principal principal,
			HttpServletRequest request, Model model, RedirectAttributes flash) {
		if (!result.hasFieldErrors("newPassword") && !form.newPassword().equals(form.confirmPassword())) {
			result.rejectValue("confirmPassword", "password.mismatch");
		}
		if (result.hasErrors()) {
			var open = request.getSession(false);
			model.addAttribute("mustChange",
					open != null && Boolean.TRUE.equals(open.getAttribute(PasswordChangeGate.REQUIRED)));
			return "security/password";
		}
		var session = request.getSession(false);
		users.changeOwnPassword(principal.getName(), form.currentPassword(), form.newPassword(),
				request.getRemoteAddr(), session == null ? null : session.getId());
		if (session != null) {
			session.removeAttribute(PasswordChangeGate.REQUIRED);
		}
		flash.addFlashAttribute("message", "password.changed");
		return "redirect:/";
	}

}
