package org.tafund.donors;

import java.util.Optional;

import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import org.tafund.shared.RecordNames;

/** A history names a donor by its name: an agreement's or a pledge's {@code donorId}. */
@Component
class DonorNames implements RecordNames {

	private final Donors donors;

	DonorNames(Donors donors) {
		this.donors = donors;
	}

	@Override
	@Transactional(readOnly = true)
	public Optional<String> nameOf(String property, Object id) {
		if (!property.equals("donorId") || !(id instanceof Number number)) {
			return Optional.empty();
		}
		return donors.findById(number.longValue()).map(Donor::getName);
	}

}
