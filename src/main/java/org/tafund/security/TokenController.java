package org.tafund.security;

import java.security.Principal;
import java.time.Clock;

import jakarta.validation.constraints.Size;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.tafund.shared.RefusalReturnsTo;

/**
 * Every signed-in user's API tokens (Account → API tokens): make one (its secret shown once),
 * list them, revoke one. Administrators see and revoke everyone's on Admin → API tokens.
 */
@Controller
class TokenController {

	private final TokenManagement tokens;

	private final Clock clock;

	TokenController(TokenManagement tokens, Clock clock) {
		this.tokens = tokens;
		this.clock = clock;
	}

	/** The new-token form. */
	record TokenForm(@Size(max = 100) String name, String scope, Integer days) implements java.io.Serializable {

		static TokenForm empty() {
			return new TokenForm("", "READ", TokenManagement.DEFAULT_DAYS);
		}

	}

	@GetMapping("/account/tokens")
	String mine(Principal principal, Model model) {
		if (!model.containsAttribute("tokenForm")) {
			model.addAttribute("tokenForm", TokenForm.empty());
		}
		model.addAttribute("tokens", tokens.mine(principal.getName()));
		model.addAttribute("now", clock.instant());
		model.addAttribute("maxDays", TokenManagement.MAX_DAYS);
		return "security/tokens";
	}

	@PostMapping("/account/tokens")
	@RefusalReturnsTo("/account/tokens#token-form")
	String create(@ModelAttribute("tokenForm") TokenForm form, org.springframework.validation.BindingResult result,
			Principal principal, Model model) {
		var created = tokens.create(principal.getName(), form.name(), form.scope(), form.days());
		// Shown in this answer, not carried through a redirect: the flash would be a session row in
		// the database, and the secret is kept nowhere but in this page.
		model.addAttribute("createdToken", created);
		model.addAttribute("tokenForm", TokenForm.empty());
		return mine(principal, model);
	}

	@PostMapping("/account/tokens/{id}/revoke")
	@RefusalReturnsTo("/account/tokens")
	String revoke(@PathVariable long id, Principal principal, RedirectAttributes flash) {
		tokens.revoke(id, principal.getName(), false);
		flash.addFlashAttribute("message", "token.revoked");
		return "redirect:/account/tokens";
	}

	@GetMapping("/admin/tokens")
	String all(Model model) {
		model.addAttribute("tokens", tokens.all());
		model.addAttribute("now", clock.instant());
		return "security/all-tokens";
	}

	@PostMapping("/admin/tokens/{id}/revoke")
	@RefusalReturnsTo("/admin/tokens")
	String revokeAny(@PathVariable long id, Principal principal, RedirectAttributes flash) {
		tokens.revoke(id, principal.getName(), true);
		flash.addFlashAttribute("message", "token.revoked");
		return "redirect:/admin/tokens";
	}

}
