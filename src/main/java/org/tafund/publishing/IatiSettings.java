package org.tafund.publishing;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.tafund.publishing.Publication.Org;

/**
 * Who publishes: the reporting organisation's IATI identifier, type and name
 * ({@code TAFUND_IATI_ORG_REF}, {@code _TYPE}, {@code _NAME}; by default UNODC, {@code XM-DAC-41128},
 * a multilateral, type 40). Each activity's identifier is that identifier, a hyphen and the
 * project's code, as IATI asks (an identifier begins with its publisher's).
 */
@Component
class IatiSettings {

	private final Org reportingOrg;

	IatiSettings(@Value("${tafund.iati.reporting-org.ref:XM-DAC-41128}") String ref,
			@Value("${tafund.iati.reporting-org.type:40}") String type,
			@Value("${tafund.iati.reporting-org.name:United Nations Office on Drugs and Crime}") String name) {
		this.reportingOrg = new Org(null, ref.strip(), type.strip(), name.strip());
	}

	Org reportingOrg() {
		return reportingOrg;
	}

	/**
	 * The activity identifier of a project. Characters IATI advises against in identifiers (a slash,
	 * a space, an ampersand ...) become hyphens: {@code GLO/X12} is published as {@code ...-GLO-X12}.
	 */
	String identifierOf(String projectCode) {
		return reportingOrg.ref() + "-" + projectCode.strip().replaceAll("[^A-Za-z0-9._-]", "-");
	}

}
