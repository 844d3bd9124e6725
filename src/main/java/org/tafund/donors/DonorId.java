package org.tafund.donors;

/** A donor, as other modules refer to it. */
public record DonorId(long value) {
}
