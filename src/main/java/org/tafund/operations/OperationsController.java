package org.tafund.operations;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** The Operations page: each scheduled job's last run, where it ran, how long it took, how it ended. */
@Controller
class OperationsController {

	private final Jobs jobs;

	OperationsController(Jobs jobs) {
		this.jobs = jobs;
	}

	@GetMapping("/admin/operations")
	String operations(Model model) {
		model.addAttribute("runs", jobs.lastRuns());
		return "admin/operations";
	}

}
