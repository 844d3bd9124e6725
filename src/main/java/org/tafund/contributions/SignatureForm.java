package org.tafund.contributions;

import java.time.LocalDate;

import jakarta.validation.constraints.NotNull;

/** The signature form of a draft agreement's page. */
record SignatureForm(@NotNull(message = "{agreement.signedOn.required}") LocalDate signedOn) implements java.io.Serializable {
}
