package org.tafund.books;

import org.springframework.context.support.DefaultMessageSourceResolvable;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** Audit → Journal: is the hash chain intact, or which entry is the first that no longer matches. */
@Controller
class JournalAuditController {

	private final JournalVerification verification;

	JournalAuditController(JournalVerification verification) {
		this.verification = verification;
	}

	@GetMapping("/audit/journal")
	String verify(Model model) {
		var result = verification.verify();
		model.addAttribute("verification", result);
		model.addAttribute("summary", summary(result));
		return "books/verify";
	}

	/** "Intact, 12 entries." or "Entry 7 (2025-03-31, RECEIPT 42) no longer matches: ..." */
	static DefaultMessageSourceResolvable summary(Verification result) {
		if (result.intact()) {
			return new DefaultMessageSourceResolvable(new String[] { "journal.verify.intact" },
					new Object[] { result.entries() });
		}
		var broken = result.firstBroken();
		var reason = new DefaultMessageSourceResolvable("journal.verify.reason." + broken.reason().name());
		return new DefaultMessageSourceResolvable(new String[] { "journal.verify.broken" },
				new Object[] { String.valueOf(broken.id()), String.valueOf(broken.accountingDate()),
						String.valueOf(broken.sourceType()), String.valueOf(broken.sourceId()), reason,
						result.entries() });
	}

}
