package org.tafund.shared;

/**
 * Refused for want of capacity, not for a fault: as many heavy reports as the database can afford
 * are being produced and the queue behind them is full, or the wait for a place ran out. Answered
 * 503 with {@code Retry-After}; nothing is wrong with the request or the database.
 */
public class ServerBusy extends RuntimeException {

	/** The {@code Retry-After} a client is given: seconds to wait before trying again. */
	public static final String RETRY_AFTER = "30";

	public ServerBusy(String message) {
		super(message);
	}

}
