package org.tafund.reference;

import java.util.Locale;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import org.hibernate.envers.Audited;
import org.hibernate.envers.NotAudited;
import org.tafund.shared.AuditableEntity;

@Entity
@Table(name = "country")
@Audited
class Country extends AuditableEntity {

	@Id
	@Column(length = 3)
	private String code;

	@NotAudited
	@Column(name = "name_en", nullable = false)
	private String nameEn;

	@NotAudited
	@Column(name = "name_fr", nullable = false)
	private String nameFr;

	@NotAudited
	@Column(name = "name_es", nullable = false)
	private String nameEs;

	@NotAudited
	private String region;

	@NotAudited
	@Column(name = "sub_region")
	private String subRegion;

	@NotAudited
	@Column(name = "intermediate_region")
	private String intermediateRegion;

	@NotAudited
	private boolean ldc;

	// WESP classification; the one thing about a country that administrators change.
	@Enumerated(EnumType.STRING)
	@Column(nullable = false, length = 30)
	private Classification classification;

	protected Country() {
	}

	void classify(Classification classification) {
		this.classification = classification;
	}

	CountryView view(Locale locale) {
		var name = switch (locale.getLanguage()) {
			case "fr" -> nameFr;
			case "es" -> nameEs;
			default -> nameEn;
		};
		return new CountryView(code, name, region, subRegion, intermediateRegion, ldc, classification);
	}

}
