package org.tafund.reference;

import java.util.Locale;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import org.tafund.shared.AuditableEntity;

@Entity
@Table(name = "country")
class Country extends AuditableEntity {

	@Id
	@Column(length = 3)
	private String code;

	@Column(name = "name_en", nullable = false)
	private String nameEn;

	@Column(name = "name_fr", nullable = false)
	private String nameFr;

	@Column(name = "name_es", nullable = false)
	private String nameEs;

	private String region;

	@Column(name = "sub_region")
	private String subRegion;

	private boolean ldc;

	protected Country() {
	}

	CountryView view(Locale locale) {
		var name = switch (locale.getLanguage()) {
			case "fr" -> nameFr;
			case "es" -> nameEs;
			default -> nameEn;
		};
		return new CountryView(code, name, region, subRegion, ldc);
	}

}
