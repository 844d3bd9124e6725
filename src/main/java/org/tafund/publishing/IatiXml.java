package org.tafund.publishing;

import java.io.OutputStream;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.function.Consumer;

import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

import org.tafund.publishing.Publication.Activity;
import org.tafund.publishing.Publication.Org;
import org.tafund.publishing.Publication.Transaction;

/**
 * Writes a {@link Publication} as an IATI 2.03 activity file, element by element in the schema's
 * order, streaming: expenditure comes from {@code spending} project by project.
 */
final class IatiXml {

	static final String VERSION = "2.03";

	private static final String XML_NS = "http://www.w3.org/XML/1998/namespace";

	private final XMLStreamWriter xml;

	private IatiXml(XMLStreamWriter xml) {
		this.xml = xml;
	}

	interface Spending {

		void of(long projectId, Consumer<Transaction> sink);

	}

	static void write(Publication publication, Spending spending, OutputStream out) {
		try {
			var writer = XMLOutputFactory.newFactory().createXMLStreamWriter(out, "UTF-8");
			new IatiXml(writer).file(publication, spending);
			writer.flush();
		}
		catch (XMLStreamException e) {
			throw new IllegalStateException("The IATI file could not be written", e);
		}
	}

	private void file(Publication publication, Spending spending) throws XMLStreamException {
		xml.writeStartDocument("UTF-8", "1.0");
		xml.writeCharacters("\n");
		xml.writeStartElement("iati-activities");
		xml.writeAttribute("version", VERSION);
		xml.writeAttribute("generated-datetime", dateTime(publication.generatedAt()));
		for (var activity : publication.activities()) {
			activity(activity, publication.reportingOrg(), spending);
		}
		xml.writeCharacters("\n");
		xml.writeEndElement();
		xml.writeEndDocument();
	}

	private void activity(Activity activity, Org reporting, Spending spending) throws XMLStreamException {
		xml.writeCharacters("\n ");
		xml.writeStartElement("iati-activity");
		xml.writeAttribute(XML_NS, "lang", "en");
		xml.writeAttribute("default-currency", "USD");
		xml.writeAttribute("last-updated-datetime", dateTime(activity.lastUpdated()));
		xml.writeAttribute("hierarchy", "1");
		text("iati-identifier", activity.identifier());
		start("reporting-org");
		xml.writeAttribute("ref", reporting.ref());
		xml.writeAttribute("type", reporting.type());
		narrative(reporting.name());
		end();
		start("title");
		narrative(activity.title());
		end();
		start("description");
		xml.writeAttribute("type", "1");
		narrative(activity.description());
		end();
		for (var org : activity.participating()) {
			start("participating-org");
			optional("ref", org.ref());
			optional("type", org.type());
			xml.writeAttribute("role", String.valueOf(org.role()));
			narrative(org.name());
			end();
		}
		empty("activity-status", "code", String.valueOf(activity.status()));
		for (var date : activity.dates()) {
			start("activity-date");
			xml.writeAttribute("type", String.valueOf(date.type()));
			xml.writeAttribute("iso-date", date.date().toString());
			end();
		}
		for (var country : activity.countries()) {
			start("recipient-country");
			xml.writeAttribute("code", country.code());
			xml.writeAttribute("percentage", country.percentage().toPlainString());
			end();
		}
		start("sector");
		xml.writeAttribute("vocabulary", "1");
		xml.writeAttribute("code", activity.sector());
		xml.writeAttribute("percentage", "100");
		end();
		// Official development assistance, as standard grants.
		empty("default-flow-type", "code", "10");
		empty("default-finance-type", "code", "110");
		if (activity.earmarking() != null) {
			start("default-aid-type");
			xml.writeAttribute("code", String.valueOf(activity.earmarking()));
			xml.writeAttribute("vocabulary", "2");
			end();
		}
		for (var budget : activity.budgets()) {
			start("budget");
			xml.writeAttribute("type", "1");
			xml.writeAttribute("status", "1");
			empty("period-start", "iso-date", budget.start().toString());
			empty("period-end", "iso-date", budget.end().toString());
			value(budget.usd(), budget.start());
			end();
		}
		for (var transaction : activity.funding()) {
			transaction(transaction);
		}
		spending.of(activity.projectId(), this::transactionUnchecked);
		xml.writeCharacters("\n ");
		xml.writeEndElement();
	}

	private void transactionUnchecked(Transaction transaction) {
		try {
			transaction(transaction);
		}
		catch (XMLStreamException e) {
			throw new IllegalStateException("The IATI file could not be written", e);
		}
	}

	private void transaction(Transaction transaction) throws XMLStreamException {
		start("transaction");
		empty("transaction-type", "code", String.valueOf(transaction.type()));
		empty("transaction-date", "iso-date", transaction.date().toString());
		value(transaction.usd(), transaction.date());
		if (transaction.description() != null) {
			start("description");
			narrative(transaction.description());
			end();
		}
		party("provider-org", transaction.provider());
		party("receiver-org", transaction.receiver());
		if (transaction.earmarking() != null) {
			start("aid-type");
			xml.writeAttribute("code", String.valueOf(transaction.earmarking()));
			xml.writeAttribute("vocabulary", "2");
			end();
		}
		end();
	}

	private void party(String element, Org org) throws XMLStreamException {
		if (org == null) {
			return;
		}
		start(element);
		optional("ref", org.ref());
		optional("type", org.type());
		narrative(org.name());
		end();
	}

	private void value(BigDecimal usd, LocalDate valueDate) throws XMLStreamException {
		start("value");
		xml.writeAttribute("currency", "USD");
		xml.writeAttribute("value-date", valueDate.toString());
		xml.writeCharacters(amount(usd));
		end();
	}

	/** The stored value, every digit kept (at least cents), so that sums match the books to the cent. */
	static String amount(BigDecimal usd) {
		var stripped = usd.stripTrailingZeros();
		return usd.setScale(Math.max(2, stripped.scale())).toPlainString();
	}

	private void narrative(String text) throws XMLStreamException {
		start("narrative");
		xml.writeCharacters(text == null ? "" : text);
		xml.writeEndElement();
	}

	private void text(String element, String text) throws XMLStreamException {
		start(element);
		xml.writeCharacters(text);
		xml.writeEndElement();
	}

	private void empty(String element, String attribute, String value) throws XMLStreamException {
		start(element);
		xml.writeAttribute(attribute, value);
		end();
	}

	private void optional(String attribute, String value) throws XMLStreamException {
		if (value != null) {
			xml.writeAttribute(attribute, value);
		}
	}

	private void start(String element) throws XMLStreamException {
		xml.writeStartElement(element);
	}

	private void end() throws XMLStreamException {
		xml.writeEndElement();
	}

	private static String dateTime(Instant instant) {
		return DateTimeFormatter.ISO_INSTANT.format(instant.truncatedTo(ChronoUnit.SECONDS));
	}

}
