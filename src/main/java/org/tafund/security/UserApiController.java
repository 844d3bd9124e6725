package org.tafund.security;

import java.net.URI;
import java.security.Principal;
import java.util.List;

import jakarta.validation.Valid;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1")
class UserApiController {

	private final UserManagement users;

	UserApiController(UserManagement users) {
		this.users = users;
	}

	/** Who the caller is and which roles they hold: the first call a script makes. */
	@GetMapping("/me")
	UserSummary me(Principal principal) {
		return users.findByUsername(principal.getName()).orElseThrow(() -> new UserNotFound(principal.getName()));
	}

	@GetMapping("/users")
	List<UserSummary> list() {
		return users.list();
	}

	@GetMapping("/users/{id}")
	UserSummary show(@PathVariable long id) {
		return users.get(id);
	}

	@PostMapping("/users")
	ResponseEntity<UserSummary> create(@Valid @RequestBody UserForm form) {
		var created = users.create(form.toCommand());
		return ResponseEntity.created(URI.create("/api/v1/users/" + created.id())).body(created);
	}

}
