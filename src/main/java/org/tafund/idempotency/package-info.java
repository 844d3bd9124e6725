/**
 * {@code Idempotency-Key} for POSTs that create money records: a replay of the same key returns the
 * first response and records nothing new; the same key with another body is refused.
 */
package org.tafund.idempotency;
