package org.tafund.shell;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * The landing page of each business section until its module takes the route over: the
 * navigation is in place from the start, and each page says what will be there. A module that
 * maps its own list page removes its line here (Spring refuses two handlers for one route).
 */
@Controller
class SectionController {

	@GetMapping({ "/reports" })
	String section(jakarta.servlet.http.HttpServletRequest request, Model model) {
		model.addAttribute("section", request.getRequestURI().substring(1));
		return "shell/section";
	}

}
