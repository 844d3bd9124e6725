package org.tafund.shell;

import java.util.List;

import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.tafund.security.Role;
import org.tafund.shared.Worklist;

@Controller
class HomeController {

	private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(HomeController.class);

	private final List<Worklist> worklists;

	HomeController(List<Worklist> worklists) {
		this.worklists = worklists;
	}

	@GetMapping("/")
	String home(Authentication authentication, Model model) {
		var roles = List.copyOf(Role.heldBy(authentication));
		model.addAttribute("roles", roles);
		var panels = new java.util.ArrayList<Worklist.Panel>();
		for (var role : roles) {
			for (var worklist : worklists) {
				if (worklist.role().equals(role.name())) {
					panels.add(panel(worklist, authentication.getName()));
				}
			}
		}
		model.addAttribute("panels", panels);
		return "shell/home";
	}

	// A worklist that fails is shown as unavailable; the home page and the other worklists stay.
	private static Worklist.Panel panel(Worklist worklist, String username) {
		try {
			return worklist.panel(username);
		}
		catch (RuntimeException e) {
			if (org.tafund.shared.DatabaseUnavailable.causes(e)) {
				throw e;
			}
			log.error("The {} worklist failed", worklist.role(), e);
			return new Worklist.Panel("home.worklist.failed",
					List.of(Worklist.Item.of("failed", org.tafund.shared.Summary.of("home.worklist.failedDetail"), null, true)),
					new Worklist.Chart("failed", "home.worklist.failed", List.of(), false));
		}
	}

}
