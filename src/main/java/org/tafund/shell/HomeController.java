package org.tafund.shell;

import java.util.Arrays;

import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.tafund.security.Role;

@Controller
class HomeController {

	@GetMapping("/")
	String home(Authentication authentication, Model model) {
		var held = authentication.getAuthorities().stream().map(a -> a.getAuthority()).toList();
		model.addAttribute("roles", Arrays.stream(Role.values()).filter(r -> held.contains(r.authority())).toList());
		return "shell/home";
	}

}
