package org.tafund.reference;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** The form that adds an implementing entity on the reference data page. */
record EntityForm(
		@NotBlank(message = "{entity.code.required}") @Size(max = 30, message = "{entity.code.tooLong}") String code,
		@NotBlank(message = "{entity.name.required}") @Size(max = 200, message = "{entity.name.tooLong}") String name,
		@NotBlank(message = "{entity.kind.required}") @Pattern(regexp = "UNODC_OFFICE|PNI_INSTITUTE",
				message = "{entity.kind.required}") String kind) implements java.io.Serializable {

	static EntityForm empty() {
		return new EntityForm("", "", "UNODC_OFFICE");
	}

}
