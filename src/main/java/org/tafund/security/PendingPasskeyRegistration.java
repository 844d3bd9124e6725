package org.tafund.security;

import java.io.Serializable;
import java.time.Duration;
import java.util.List;

import org.springframework.security.web.webauthn.api.AuthenticatorSelectionCriteria;
import org.springframework.security.web.webauthn.api.Bytes;
import org.springframework.security.web.webauthn.api.ImmutablePublicKeyCredentialUserEntity;
import org.springframework.security.web.webauthn.api.PublicKeyCredentialCreationOptions;
import org.springframework.security.web.webauthn.api.PublicKeyCredentialParameters;
import org.springframework.security.web.webauthn.api.PublicKeyCredentialRpEntity;
import org.springframework.security.web.webauthn.api.UserVerificationRequirement;

import jakarta.servlet.http.HttpSession;

/**
 * What checking a new passkey needs of the options sent to the browser, kept in the session.
 * Sessions live in the database, so what is kept must be serializable, and Spring Security's
 * creation options are not: this keeps the values its check reads (relying party, user, challenge,
 * algorithms, user verification) and builds the options again from them.
 */
record PendingPasskeyRegistration(String rpId, String rpName, String userName, String userId, String userDisplayName,
		String challenge, List<Long> algorithms, String userVerification, long timeoutMillis) implements Serializable {

	private static final String ATTRIBUTE = PendingPasskeyRegistration.class.getName();

	private static final List<PublicKeyCredentialParameters> KNOWN = List.of(PublicKeyCredentialParameters.EdDSA,
			PublicKeyCredentialParameters.ES256, PublicKeyCredentialParameters.ES384, PublicKeyCredentialParameters.ES512,
			PublicKeyCredentialParameters.RS256, PublicKeyCredentialParameters.RS384, PublicKeyCredentialParameters.RS512,
			PublicKeyCredentialParameters.RS1);

	private static final List<UserVerificationRequirement> VERIFICATIONS = List.of(UserVerificationRequirement.DISCOURAGED,
			UserVerificationRequirement.PREFERRED, UserVerificationRequirement.REQUIRED);

	static PendingPasskeyRegistration of(PublicKeyCredentialCreationOptions options) {
		var selection = options.getAuthenticatorSelection();
		var user = options.getUser();
		return new PendingPasskeyRegistration(options.getRp().getId(), options.getRp().getName(), user.getName(),
				user.getId().toBase64UrlString(), user.getDisplayName(), options.getChallenge().toBase64UrlString(),
				options.getPubKeyCredParams().stream().map(p -> p.getAlg().getValue()).toList(),
				selection == null || selection.getUserVerification() == null ? null
						: selection.getUserVerification().getValue(),
				options.getTimeout() == null ? 0 : options.getTimeout().toMillis());
	}

	PublicKeyCredentialCreationOptions options() {
		var selection = AuthenticatorSelectionCriteria.builder();
		VERIFICATIONS.stream().filter(v -> v.getValue().equals(userVerification)).findFirst().ifPresent(selection::userVerification);
		return PublicKeyCredentialCreationOptions.builder()
			.rp(PublicKeyCredentialRpEntity.builder().id(rpId).name(rpName).build())
			.user(ImmutablePublicKeyCredentialUserEntity.builder()
				.name(userName)
				.id(Bytes.fromBase64(userId))
				.displayName(userDisplayName)
				.build())
			.challenge(Bytes.fromBase64(challenge))
			.pubKeyCredParams(algorithms.stream()
				.map(alg -> KNOWN.stream().filter(p -> p.getAlg().getValue() == alg))
				.flatMap(matches -> matches.limit(1))
				.toList())
			.authenticatorSelection(selection.build())
			.timeout(timeoutMillis == 0 ? null : Duration.ofMillis(timeoutMillis))
			.build();
	}

	void keepIn(HttpSession session) {
		session.setAttribute(ATTRIBUTE, this);
	}

	/** The pending registration of this session, taken out of it so that its challenge answers once. */
	static PendingPasskeyRegistration takeFrom(HttpSession session) {
		var pending = (PendingPasskeyRegistration) session.getAttribute(ATTRIBUTE);
		session.removeAttribute(ATTRIBUTE);
		return pending;
	}

}
