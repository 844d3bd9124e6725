package org.tafund.security;

import java.util.Arrays;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.webauthn.api.AuthenticatorAssertionResponse;
import org.springframework.security.web.webauthn.api.PublicKeyCredential;
import org.springframework.security.web.webauthn.api.PublicKeyCredentialRpEntity;
import org.springframework.security.web.webauthn.authentication.HttpSessionPublicKeyCredentialRequestOptionsRepository;
import org.springframework.security.web.webauthn.jackson.WebauthnJacksonModule;
import org.springframework.security.web.webauthn.management.ImmutablePublicKeyCredentialCreationOptionsRequest;
import org.springframework.security.web.webauthn.management.ImmutablePublicKeyCredentialRequestOptionsRequest;
import org.springframework.security.web.webauthn.management.ImmutableRelyingPartyRegistrationRequest;
import org.springframework.security.web.webauthn.management.RelyingPartyAuthenticationRequest;
import org.springframework.security.web.webauthn.management.RelyingPartyPublicKey;
import org.springframework.security.web.webauthn.management.Webauthn4JRelyingPartyOperations;
import org.springframework.stereotype.Component;

import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * The two WebAuthn ceremonies, through Spring Security's relying-party operations (webauthn4j):
 * registering a passkey for the signed-in user, and checking one as their second factor. The
 * challenge of each ceremony waits in the session between its two requests.
 *
 * <p>The relying party id is {@code tafund.webauthn.rp-id} (the host name users type). The
 * origins a passkey may be used from are {@code tafund.webauthn.origins}; unset, any origin on that
 * host (any port), which is what a test on a random port needs.
 */
@Component
class Passkeys {

	private static final Logger log = LoggerFactory.getLogger(Passkeys.class);

	private final PasskeyStore store;

	private final PublicKeyCredentialRpEntity relyingParty;

	private final Set<String> configuredOrigins;

	private final Map<String, Webauthn4JRelyingPartyOperations> operations = new ConcurrentHashMap<>();

	private final JsonMapper json = JsonMapper.builder().addModule(new WebauthnJacksonModule()).build();

	private final HttpSessionPublicKeyCredentialRequestOptionsRepository requests = new HttpSessionPublicKeyCredentialRequestOptionsRepository();

	Passkeys(PasskeyStore store, @Value("${tafund.webauthn.rp-id:localhost}") String rpId,
			@Value("${tafund.webauthn.origins:}") String origins) {
		this.store = store;
		this.relyingParty = PublicKeyCredentialRpEntity.builder().id(rpId).name("tafund").build();
		this.configuredOrigins = Arrays.stream(origins.split(","))
			.map(String::strip)
			.filter(o -> !o.isEmpty())
			.collect(Collectors.toUnmodifiableSet());
	}

	/** The options for navigator.credentials.create(), as JSON; the challenge stays in the session. */
	String registrationOptions(Authentication user, HttpServletRequest request, HttpServletResponse response) {
		var options = operations(request)
			.createPublicKeyCredentialCreationOptions(new ImmutablePublicKeyCredentialCreationOptionsRequest(user));
		PendingPasskeyRegistration.of(options).keepIn(request.getSession());
		return json.writeValueAsString(options);
	}

	/** Registers the new passkey the browser sent; false when it does not answer this session's challenge. */
	boolean register(String body, String label, HttpServletRequest request, HttpServletResponse response) {
		var pending = PendingPasskeyRegistration.takeFrom(request.getSession());
		if (pending == null) {
			return false;
		}
		var options = pending.options();
		try {
			var parsed = json.readValue(body, RegistrationBody.class);
			var key = new RelyingPartyPublicKey(parsed.credential(), label);
			operations(request).registerCredential(new ImmutableRelyingPartyRegistrationRequest(options, key));
			return true;
		}
		catch (RuntimeException e) {
			log.info("A passkey registration was refused: {}", e.toString());
			return false;
		}
	}

	record RegistrationBody(PublicKeyCredential<org.springframework.security.web.webauthn.api.AuthenticatorAttestationResponse> credential) {
	}

	/** The options for navigator.credentials.get(), limited to the user's own passkeys. */
	String requestOptions(Authentication user, HttpServletRequest request, HttpServletResponse response) {
		var options = operations(request)
			.createCredentialRequestOptions(new ImmutablePublicKeyCredentialRequestOptionsRequest(user));
		requests.save(request, response, options);
		return json.writeValueAsString(options);
	}

	/** Whether the browser's assertion answers this session's challenge with a passkey of this user. */
	boolean verify(String username, String body, HttpServletRequest request, HttpServletResponse response) {
		var options = requests.load(request);
		requests.save(request, response, null);
		if (options == null) {
			return false;
		}
		try {
			PublicKeyCredential<AuthenticatorAssertionResponse> credential = json.readValue(body,
					new TypeReference<PublicKeyCredential<AuthenticatorAssertionResponse>>() {
					});
			var owner = operations(request).authenticate(new RelyingPartyAuthenticationRequest(options, credential));
			return owner != null && username.equals(owner.getName());
		}
		catch (RuntimeException e) {
			log.info("A passkey was refused for {}: {}", username, e.toString());
			return false;
		}
	}

	private Webauthn4JRelyingPartyOperations operations(HttpServletRequest request) {
		var origins = configuredOrigins.isEmpty() ? Set.of(originOf(request)) : configuredOrigins;
		if (operations.size() > 16) {
			// Ports seen on the relying party's host: a few in real use, any number from a scanner.
			operations.clear();
		}
		return operations.computeIfAbsent(String.join(" ", origins.stream().sorted().toList()),
				key -> new Webauthn4JRelyingPartyOperations(store, store, relyingParty, origins));
	}

	/** This request's own origin, when its host is the relying party's (else one no browser sends). */
	private String originOf(HttpServletRequest request) {
		if (!relyingParty.getId().equalsIgnoreCase(request.getServerName())) {
			return "null";
		}
		var port = request.getServerPort();
		var defaultPort = ("https".equals(request.getScheme()) && port == 443) || ("http".equals(request.getScheme()) && port == 80);
		return request.getScheme() + "://" + request.getServerName() + (defaultPort ? "" : ":" + port);
	}

}
