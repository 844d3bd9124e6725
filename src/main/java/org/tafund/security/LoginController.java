package org.tafund.security;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

@Controller
class LoginController {

	private final boolean demoUsers;

	LoginController(@Value("${tafund.demo.users:false}") boolean demoUsers) {
		this.demoUsers = demoUsers;
	}

	@GetMapping("/login")
	String login(Model model) {
		if (demoUsers) {
			model.addAttribute("demoUsers", UserBootstrap.DEMO_USERS);
			model.addAttribute("demoPassword", UserBootstrap.DEMO_PASSWORD);
		}
		return "security/login";
	}

}
