package org.tafund.security;

import java.net.URI;
import java.security.Principal;
import java.util.List;

import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.tafund.shared.ForbiddenAction;

/**
 * The caller's API tokens on the API. A token is made with a password or a signed-in session,
 * never with another token (a leaked token must not breed longer-lived ones); an administrator
 * revokes anyone's.
 */
@RestController
@RequestMapping("/api/v1/tokens")
class TokenApiController {

	private final TokenManagement tokens;

	TokenApiController(TokenManagement tokens) {
		this.tokens = tokens;
	}

	record TokenRequest(String name, String scope, Integer days) {
	}

	@GetMapping
	List<ApiToken.TokenView> mine(Principal principal) {
		return tokens.mine(principal.getName());
	}

	@PostMapping
	ResponseEntity<TokenManagement.CreatedToken> create(@RequestBody TokenRequest request, Authentication caller) {
		if (BearerTokens.authenticatedByToken(caller)) {
			throw new ForbiddenAction("token.byToken");
		}
		var created = tokens.create(caller.getName(), request.name(), request.scope(), request.days());
		return ResponseEntity.created(URI.create("/api/v1/tokens/" + created.token().id())).body(created);
	}

	@DeleteMapping("/{id}")
	ApiToken.TokenView revoke(@PathVariable long id, Authentication caller) {
		return tokens.revoke(id, caller.getName(), Right.ADMINISTER.heldBy(caller));
	}

}
