package org.tafund.donors;

/**
 * Two records of one donor were merged: whatever belongs to {@code duplicate} (agreements, pledges)
 * now belongs to {@code kept}. Published inside the merge's transaction, so that listeners move
 * their records in it: the merge stores all or nothing.
 */
public record DonorsMerged(long duplicate, long kept, String reason) {
}
