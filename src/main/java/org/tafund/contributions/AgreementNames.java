package org.tafund.contributions;

import java.util.Optional;

import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import org.tafund.shared.RecordNames;

/** A history names an agreement by its reference: a receipt's, refund's or allocation's {@code agreementId}. */
@Component
class AgreementNames implements RecordNames {

	private final Agreements agreements;

	AgreementNames(Agreements agreements) {
		this.agreements = agreements;
	}

	@Override
	@Transactional(readOnly = true)
	public Optional<String> nameOf(String property, Object id) {
		if (!property.equals("agreementId") || !(id instanceof Number number)) {
			return Optional.empty();
		}
		return agreements.findById(number.longValue()).map(Agreement::getReference);
	}

}
