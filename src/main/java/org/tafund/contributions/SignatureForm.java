package org.tafund.contributions;

import java.time.LocalDate;

/** The signature form of a draft agreement's page. */
record SignatureForm(LocalDate signedOn) {
}
