package org.tafund.idempotency;

/** The first response to an idempotent request, replayed as it was. */
public record StoredResponse(int status, String body) {
}
