package org.tafund.banking;

import java.io.InputStream;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;

import org.tafund.shared.BusinessRuleViolation;

/**
 * Reads an ISO 20022 bank-to-customer statement, camt.053 versions 001.02 and 001.08, as a
 * stream. DTDs and external entities are off: a file that declares a DOCTYPE is refused outright,
 * so that no entity it declares is ever resolved (XXE).
 */
final class Camt053 {

	static final String V02 = "urn:iso:std:iso:20022:tech:xsd:camt.053.001.02";

	static final String V08 = "urn:iso:std:iso:20022:tech:xsd:camt.053.001.08";

	private Camt053() {
	}

	/** One booked entry of the statement: credit or debit, with what identifies and explains it. */
	record Entry(String reference, LocalDate bookedOn, BigDecimal amount, String currency, boolean credit,
			boolean booked, String debtor, String remittance) {
	}

	record Statement(String format, String messageRef, String statementRef, String account, String currency,
			LocalDate from, LocalDate to, List<Entry> entries) {
	}

	static Statement read(InputStream in) {
		var factory = XMLInputFactory.newFactory();
		factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
		factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
		factory.setProperty(XMLInputFactory.IS_REPLACING_ENTITY_REFERENCES, false);
		try {
			var xml = factory.createXMLStreamReader(in);
			var path = new ArrayList<String>();
			var text = new StringBuilder();
			var header = new Header();
			var entries = new ArrayList<Entry>();
			EntryBuilder entry = null;
			while (xml.hasNext()) {
				int event = xml.next();
				switch (event) {
					case XMLStreamConstants.DTD, XMLStreamConstants.ENTITY_REFERENCE ->
						throw new BusinessRuleViolation("bank.statement.doctype");
					case XMLStreamConstants.START_ELEMENT -> {
						if (path.isEmpty()) {
							var namespace = xml.getNamespaceURI();
							if (!"Document".equals(xml.getLocalName()) || !(V02.equals(namespace) || V08.equals(namespace))) {
								throw new BusinessRuleViolation("bank.statement.format");
							}
							header.format = namespace.substring(namespace.lastIndexOf(':') + 1);
						}
						path.add(xml.getLocalName());
						text.setLength(0);
						if (endsWith(path, "Stmt", "Ntry")) {
							entry = new EntryBuilder();
						}
					}
					case XMLStreamConstants.CHARACTERS, XMLStreamConstants.CDATA, XMLStreamConstants.SPACE ->
						text.append(xml.getText());
					case XMLStreamConstants.END_ELEMENT -> {
						var value = text.toString().strip();
						if (entry != null) {
							if (endsWith(path, "Stmt", "Ntry")) {
								entries.add(entry.build(header.statementRef, entries.size() + 1));
								entry = null;
							}
							else {
								entry.take(path, value);
							}
						}
						else {
							header.take(path, value);
						}
						path.remove(path.size() - 1);
						text.setLength(0);
					}
					default -> {
					}
				}
				if (event == XMLStreamConstants.START_ELEMENT && entry != null && endsWith(path, "Ntry", "Amt")) {
					entry.currency = xml.getAttributeValue(null, "Ccy");
				}
			}
			if (header.statementRef == null || header.statementRef.isBlank()) {
				throw new BusinessRuleViolation("bank.statement.noId");
			}
			return new Statement(header.format, header.messageRef, header.statementRef, header.account, header.currency,
					header.from, header.to, List.copyOf(entries));
		}
		catch (XMLStreamException e) {
			// A DOCTYPE the parser would not read, a broken tag: the line, not the parser's words.
			var location = e.getLocation();
			throw new BusinessRuleViolation("bank.statement.unreadable", location == null ? 0 : location.getLineNumber());
		}
	}

	private static boolean endsWith(List<String> path, String... tail) {
		if (path.size() < tail.length) {
			return false;
		}
		for (int i = 0; i < tail.length; i++) {
			if (!path.get(path.size() - tail.length + i).equals(tail[i])) {
				return false;
			}
		}
		return true;
	}

	private static final class Header {

		String format;

		String messageRef;

		String statementRef;

		String account;

		String currency;

		LocalDate from;

		LocalDate to;

		void take(List<String> path, String value) {
			if (endsWith(path, "GrpHdr", "MsgId")) {
				messageRef = value;
			}
			else if (endsWith(path, "BkToCstmrStmt", "Stmt", "Id")) {
				statementRef = value;
			}
			else if (endsWith(path, "Stmt", "Acct", "Id", "IBAN") || endsWith(path, "Stmt", "Acct", "Id", "Othr", "Id")) {
				account = value;
			}
			else if (endsWith(path, "Stmt", "Acct", "Ccy")) {
				currency = value;
			}
			else if (endsWith(path, "FrToDt", "FrDtTm")) {
				from = date(value);
			}
			else if (endsWith(path, "FrToDt", "ToDtTm")) {
				to = date(value);
			}
		}

	}

	private static BigDecimal decimal(String text) {
		try {
			return new BigDecimal(text.strip());
		}
		catch (NumberFormatException e) {
			throw new BusinessRuleViolation("bank.statement.amount", text.strip());
		}
	}

	private static LocalDate date(String text) {
		var value = text.strip();
		try {
			return LocalDate.parse(value.length() > 10 ? value.substring(0, 10) : value);
		}
		catch (java.time.format.DateTimeParseException e) {
			throw new BusinessRuleViolation("bank.statement.date", value);
		}
	}

	private static final class EntryBuilder {

		BigDecimal amount;

		String currency;

		boolean credit;

		boolean booked = true;

		LocalDate bookedOn;

		String servicerRef;

		String entryRef;

		String endToEnd;

		String debtor;

		final List<String> remittance = new ArrayList<>();

		void take(List<String> path, String value) {
			if (endsWith(path, "Ntry", "Amt")) {
				amount = decimal(value);
			}
			else if (endsWith(path, "Ntry", "CdtDbtInd")) {
				credit = "CRDT".equals(value);
			}
			else if (endsWith(path, "Ntry", "Sts") && !value.isEmpty()) {
				// 001.02: <Sts>BOOK</Sts>; 001.08: <Sts><Cd>BOOK</Cd></Sts>.
				booked = "BOOK".equals(value);
			}
			else if (endsWith(path, "Ntry", "Sts", "Cd")) {
				booked = "BOOK".equals(value);
			}
			else if (endsWith(path, "Ntry", "BookgDt", "Dt") || endsWith(path, "Ntry", "BookgDt", "DtTm")) {
				bookedOn = date(value);
			}
			else if (endsWith(path, "Ntry", "AcctSvcrRef")) {
				servicerRef = value;
			}
			else if (endsWith(path, "Ntry", "NtryRef")) {
				entryRef = value;
			}
			else if (endsWith(path, "Refs", "EndToEndId") && endToEnd == null && !"NOTPROVIDED".equals(value)) {
				endToEnd = value;
			}
			else if (endsWith(path, "RltdPties", "Dbtr", "Nm") || endsWith(path, "RltdPties", "Dbtr", "Pty", "Nm")) {
				debtor = value;
			}
			else if (endsWith(path, "RmtInf", "Ustrd") || endsWith(path, "CdtrRefInf", "Ref")) {
				remittance.add(value);
			}
		}

		Entry build(String statementRef, int position) {
			if (amount == null || currency == null || bookedOn == null) {
				throw new BusinessRuleViolation("bank.statement.entry", position);
			}
			// The bank's own reference identifies an entry across statements; without one, the statement and the position.
			var reference = servicerRef != null ? servicerRef
					: entryRef != null ? entryRef : endToEnd != null ? endToEnd : statementRef + "#" + position;
			var text = String.join(" ", remittance);
			return new Entry(reference, bookedOn, amount, currency, credit, booked, debtor,
					text.length() > 500 ? text.substring(0, 500) : text);
		}

	}

}
