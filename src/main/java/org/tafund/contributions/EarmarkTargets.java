package org.tafund.contributions;

/**
 * Project codes an agreement can be earmarked to, told by the module that keeps projects; without
 * it (a slice test, say) every project code is taken on trust.
 */
public interface EarmarkTargets {

	boolean projectExists(String code);

	/** The codes of the projects an agreement may be earmarked to, for the form's suggestions. */
	default java.util.List<String> projectCodes() {
		return java.util.List.of();
	}

}
