package org.tafund.reference;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A DAC purpose code from the IATI Sector list (read-only reference data). */
@Entity
@Table(name = "dac_purpose_code")
class DacCode {

	@Id
	@Column(length = 5)
	private String code;

	@Column(nullable = false, length = 200)
	private String name;

	protected DacCode() {
	}

	String getCode() {
		return code;
	}

	String getName() {
		return name;
	}

}
