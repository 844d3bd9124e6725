package org.tafund.shell;

import java.util.List;

import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.tafund.security.Role;

@Controller
class HomeController {

	@GetMapping("/")
	String home(Authentication authentication, Model model) {
		model.addAttribute("roles", List.copyOf(Role.heldBy(authentication)));
		return "shell/home";
	}

}
