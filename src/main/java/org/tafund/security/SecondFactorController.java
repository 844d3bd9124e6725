package org.tafund.security;

import java.util.List;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.authentication.logout.SecurityContextLogoutHandler;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.tafund.shared.BusinessRuleViolation;
import org.tafund.shared.RefusalReturnsTo;

/**
 * The second factor in the browser: shown after the password (or to confirm before an approval),
 * enrolled at the first sign-in that needs one, and kept on the user's security page. Passkey
 * ceremonies are JSON calls from {@code /js/passkeys.js}; everything else is a form.
 */
@Controller
class SecondFactorController {

	static final String TOTP_ENROLMENT = SecondFactorController.class.getName() + ".TOTP_ENROLMENT";

	static final String NEW_CODES = SecondFactorController.class.getName() + ".NEW_CODES";

	/** Wrong codes in a row before a pending sign-in is ended (the account's lockout counts them too). */
	static final int MAX_WRONG_CODES = 5;

	static final String WRONG_CODES = SecondFactorController.class.getName() + ".WRONG_CODES";

	private final SecondFactors factors;

	private final Passkeys passkeys;

	private final SecondFactorConfirmation confirmation;

	private final LoginAttempts attempts;

	private final SignInLimits limits;

	private final SecurityEventLog eventLog;

	SecondFactorController(SecondFactors factors, Passkeys passkeys, SecondFactorConfirmation confirmation,
			LoginAttempts attempts, SignInLimits limits, SecurityEventLog eventLog) {
		this.factors = factors;
		this.passkeys = passkeys;
		this.confirmation = confirmation;
		this.attempts = attempts;
		this.limits = limits;
		this.eventLog = eventLog;
	}

	// ---- Showing the second factor: after the password, or to confirm

	@GetMapping(SecondFactorSession.PAGE)
	String challenge(@RequestParam(name = "continue", required = false) String continueTo, Authentication user,
			HttpSession session, Model model) {
		var status = factors.status(user.getName());
		var pending = SecondFactorSession.isPending(user);
		if (!status.any() && !pending) {
			return "redirect:/account/security";
		}
		model.addAttribute("pending", pending);
		model.addAttribute("status", status);
		model.addAttribute("continueTo", continueTo);
		if (!status.any()) {
			model.addAttribute("totpSetup", totpSetup(user.getName(), session));
		}
		return "security/second-factor";
	}

	@PostMapping(SecondFactorSession.PAGE + "/totp")
	@RefusalReturnsTo("/sign-in/second-factor")
	String totp(@RequestParam String code, @RequestParam(name = "continue", required = false) String continueTo,
			Authentication user, HttpServletRequest request, HttpServletResponse response, RedirectAttributes flash) {
		return shown(factors.verifyTotp(user.getName(), code), "authenticator app", continueTo, user, request, response,
				flash);
	}

	@PostMapping(SecondFactorSession.PAGE + "/recovery")
	@RefusalReturnsTo("/sign-in/second-factor")
	String recovery(@RequestParam String code, @RequestParam(name = "continue", required = false) String continueTo,
			Authentication user, HttpServletRequest request, HttpServletResponse response, RedirectAttributes flash) {
		return shown(factors.useRecoveryCode(user.getName(), code, request.getRemoteAddr()), "recovery code", continueTo,
				user, request, response, flash);
	}

	@PostMapping(path = SecondFactorSession.PAGE + "/passkey/options", produces = MediaType.APPLICATION_JSON_VALUE)
	@RefusalReturnsTo("/sign-in/second-factor")
	@ResponseBody
	String passkeyOptions(Authentication user, HttpServletRequest request, HttpServletResponse response) {
		return passkeys.requestOptions(user, request, response);
	}

	@PostMapping(path = SecondFactorSession.PAGE + "/passkey", produces = MediaType.APPLICATION_JSON_VALUE)
	@RefusalReturnsTo("/sign-in/second-factor")
	@ResponseBody
	ResponseEntity<Map<String, String>> passkey(@RequestBody(required = false) String body,
			@RequestParam(name = "continue", required = false) String continueTo, Authentication user,
			HttpServletRequest request, HttpServletResponse response, RedirectAttributes flash) {
		var next = shown(passkeys.verify(user.getName(), body, request, response), "passkey", continueTo, user, request,
				response, flash).substring("redirect:".length());
		if (next.startsWith(SecondFactorSession.PAGE)) {
			// Refused, and the sign-in goes on: the page says so where the button is.
			return ResponseEntity.unprocessableEntity().body(Map.of("error", "secondFactor.wrong"));
		}
		return ResponseEntity.ok(Map.of("redirect", next));
	}

	private String shown(boolean right, String factor, String continueTo, Authentication user,
			HttpServletRequest request, HttpServletResponse response, RedirectAttributes flash) {
		if (!SecondFactorSession.isPending(user) && !factors.hasAny(user.getName())) {
			// Nothing to confirm with, so nothing failed: the place to set one up.
			return "redirect:/account/security";
		}
		var address = request.getRemoteAddr();
		var session = request.getSession();
		if (limits.retryAfter(address, user.getName()).isPresent()) {
			right = false;
		}
		if (!right) {
			attempts.recordFailure(user.getName(), address, SecurityEventType.SECOND_FACTOR_FAILED);
			limits.failed(address, user.getName());
			var wrong = (Integer) session.getAttribute(WRONG_CODES);
			wrong = wrong == null ? 1 : wrong + 1;
			session.setAttribute(WRONG_CODES, wrong);
			if (SecondFactorSession.isPending(user) && wrong >= MAX_WRONG_CODES) {
				new SecurityContextLogoutHandler().logout(request, response, user);
				return "redirect:/login?error";
			}
			flash.addFlashAttribute("factorError", "secondFactor.wrong");
			return "redirect:" + SecondFactorSession.PAGE
					+ (continueTo == null ? "" : "?continue=" + java.net.URLEncoder.encode(continueTo,
							java.nio.charset.StandardCharsets.UTF_8));
		}
		session.removeAttribute(WRONG_CODES);
		var wasPending = SecondFactorSession.isPending(user);
		SecondFactorSession.passed(request, response);
		eventLog.record(SecurityEventType.SECOND_FACTOR_PASSED, user.getName(), address,
				factor + (wasPending ? " at sign-in" : " to confirm"));
		return "redirect:" + SecondFactorSession.next(request, response, continueTo);
	}

	// ---- The user's own factors

	@GetMapping("/account/security")
	String security(Authentication user, Model model) {
		model.addAttribute("status", factors.status(user.getName()));
		return "security/factors";
	}

	@GetMapping("/account/security/totp")
	String totpForm(Authentication user, HttpSession session, Model model) {
		var changing = needsConfirmation(user);
		if (changing != null) {
			return changing;
		}
		model.addAttribute("totpSetup", totpSetup(user.getName(), session));
		return "security/totp";
	}

	@PostMapping({ "/account/security/totp", "/account/security/enrol/totp" })
	@RefusalReturnsTo("/account/security")
	String enrolTotp(@RequestParam String code, Authentication user, HttpServletRequest request,
			HttpServletResponse response, RedirectAttributes flash) {
		var pending = SecondFactorSession.isPending(user);
		var changing = pending ? firstOnly(user) : needsConfirmation(user);
		if (changing != null) {
			return changing;
		}
		var session = request.getSession();
		var secret = (byte[]) session.getAttribute(TOTP_ENROLMENT);
		if (secret == null) {
			return "redirect:" + (pending ? SecondFactorSession.PAGE : "/account/security/totp");
		}
		try {
			factors.enrolTotp(user.getName(), secret, code, request.getRemoteAddr());
		}
		catch (BusinessRuleViolation e) {
			flash.addFlashAttribute("factorError", "secondFactor.totp.wrongCode");
			return "redirect:" + (pending ? SecondFactorSession.PAGE : "/account/security/totp");
		}
		session.removeAttribute(TOTP_ENROLMENT);
		return "redirect:" + enrolled(user, request, response);
	}

	@PostMapping(path = { "/account/security/passkeys/options", "/account/security/enrol/passkeys/options" },
			produces = MediaType.APPLICATION_JSON_VALUE)
	@RefusalReturnsTo("/account/security")
	@ResponseBody
	ResponseEntity<String> registrationOptions(Authentication user, HttpServletRequest request,
			HttpServletResponse response) {
		var changing = SecondFactorSession.isPending(user) ? firstOnly(user) : needsConfirmation(user);
		if (changing != null) {
			return ResponseEntity.status(HttpStatus.FORBIDDEN)
				.body("{\"redirect\":\"" + changing.substring("redirect:".length()) + "\"}");
		}
		return ResponseEntity.ok(passkeys.registrationOptions(user, request, response));
	}

	@PostMapping(path = { "/account/security/passkeys", "/account/security/enrol/passkeys" },
			produces = MediaType.APPLICATION_JSON_VALUE)
	@RefusalReturnsTo("/account/security")
	@ResponseBody
	ResponseEntity<Map<String, String>> register(@RequestBody(required = false) String body,
			@RequestParam(required = false) String label,
			Authentication user, HttpServletRequest request, HttpServletResponse response) {
		var changing = SecondFactorSession.isPending(user) ? firstOnly(user) : needsConfirmation(user);
		if (changing != null) {
			return ResponseEntity.status(HttpStatus.FORBIDDEN).body(Map.of("redirect", changing.substring(9)));
		}
		var name = label == null || label.isBlank() ? "Passkey" : label.strip();
		if (name.length() > 100 || !passkeys.register(body, name, request, response)) {
			return ResponseEntity.unprocessableEntity().body(Map.of("error", "secondFactor.passkey.refused"));
		}
		factors.passkeyAdded(user.getName(), name, request.getRemoteAddr());
		return ResponseEntity.ok(Map.of("redirect", enrolled(user, request, response)));
	}

	@PostMapping("/account/security/passkeys/{id}/remove")
	@RefusalReturnsTo("/account/security")
	String removePasskey(@PathVariable long id, Authentication user, HttpServletRequest request, RedirectAttributes flash) {
		var changing = needsConfirmation(user);
		if (changing != null) {
			return changing;
		}
		factors.removePasskey(user.getName(), id, request.getRemoteAddr());
		flash.addFlashAttribute("message", "secondFactor.removed");
		return "redirect:/account/security";
	}

	@PostMapping("/account/security/totp/remove")
	@RefusalReturnsTo("/account/security")
	String removeTotp(Authentication user, HttpServletRequest request, RedirectAttributes flash) {
		var changing = needsConfirmation(user);
		if (changing != null) {
			return changing;
		}
		factors.removeTotp(user.getName(), request.getRemoteAddr());
		flash.addFlashAttribute("message", "secondFactor.removed");
		return "redirect:/account/security";
	}

	@PostMapping("/account/security/recovery-codes")
	@RefusalReturnsTo("/account/security")
	String newCodes(Authentication user, HttpServletRequest request) {
		var changing = needsConfirmation(user);
		if (changing != null) {
			return changing;
		}
		if (!factors.hasAny(user.getName())) {
			// Codes stand in for a factor one has lost: without one, there is nothing to recover.
			return "redirect:/account/security";
		}
		request.getSession().setAttribute(NEW_CODES, factors.newRecoveryCodes(user.getName(), request.getRemoteAddr()));
		return "redirect:/account/security/recovery-codes";
	}

	/** The new recovery codes, shown once. */
	@GetMapping("/account/security/recovery-codes")
	String codes(HttpSession session, Model model) {
		@SuppressWarnings("unchecked")
		var codes = (List<String>) session.getAttribute(NEW_CODES);
		if (codes == null) {
			return "redirect:/account/security";
		}
		session.removeAttribute(NEW_CODES);
		model.addAttribute("codes", codes);
		return "security/recovery-codes";
	}

	/** A first factor enrolled: the sign-in completes, and recovery codes are made if there are none. */
	private String enrolled(Authentication user, HttpServletRequest request, HttpServletResponse response) {
		var pending = SecondFactorSession.isPending(user);
		SecondFactorSession.passed(request, response);
		if (pending) {
			eventLog.record(SecurityEventType.SECOND_FACTOR_PASSED, user.getName(), request.getRemoteAddr(),
					"enrolled at sign-in");
		}
		if (factors.status(user.getName()).recoveryCodesLeft() == 0) {
			request.getSession().setAttribute(NEW_CODES, factors.newRecoveryCodes(user.getName(), request.getRemoteAddr()));
			return "/account/security/recovery-codes";
		}
		return "/account/security";
	}

	/** While the sign-in waits, a factor may be enrolled only by someone who has none. */
	private String firstOnly(Authentication user) {
		return factors.hasAny(user.getName()) ? "redirect:" + SecondFactorSession.PAGE : null;
	}

	/** Changing factors one has asks for one of them first; the first one needs only the password. */
	private String needsConfirmation(Authentication user) {
		try {
			confirmation.requireRecent();
			return null;
		}
		catch (SecondFactorConfirmation.Required e) {
			return "redirect:" + SecondFactorConfirmation.Required.confirmationPage("/account/security");
		}
	}

	/** The secret being enrolled, kept in the session until a code confirms it. */
	private TotpSetup totpSetup(String username, HttpSession session) {
		var secret = (byte[]) session.getAttribute(TOTP_ENROLMENT);
		if (secret == null) {
			secret = factors.newTotpSecret();
			session.setAttribute(TOTP_ENROLMENT, secret);
		}
		var text = Totp.base32(secret);
		return new TotpSetup(text.replaceAll("(.{4})(?!$)", "$1 "), QrCode.svgDataUri(Totp.uri("tafund", username, secret)));
	}

	record TotpSetup(String secret, String qrCode) {
	}


}
