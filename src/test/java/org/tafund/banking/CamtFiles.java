package org.tafund.banking;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/** camt.053 files as banks send them, written for tests and the benchmark. */
final class CamtFiles {

	private CamtFiles() {
	}

	/** A credit (or a debit) of the statement. */
	record Credit(String reference, LocalDate bookedOn, BigDecimal amount, String currency, String debtor,
			String remittance, boolean debit) {

		static Credit of(String reference, String bookedOn, String amount, String currency, String debtor,
				String remittance) {
			return new Credit(reference, LocalDate.parse(bookedOn), new BigDecimal(amount), currency, debtor, remittance,
					false);
		}

	}

	/** Version 001.02 ({@code <Sts>BOOK</Sts>}, {@code Dbtr/Nm}) or 001.08 ({@code <Sts><Cd>}, {@code Dbtr/Pty/Nm}). */
	static String statement(String version, String statementId, String account, String currency, List<Credit> credits) {
		boolean v08 = version.endsWith("08");
		var xml = new StringBuilder();
		xml.append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n")
			.append("<Document xmlns=\"urn:iso:std:iso:20022:tech:xsd:camt.053.001.")
			.append(v08 ? "08" : "02")
			.append("\">\n <BkToCstmrStmt>\n  <GrpHdr><MsgId>MSG-")
			.append(statementId)
			.append("</MsgId><CreDtTm>2026-06-01T06:00:00</CreDtTm></GrpHdr>\n  <Stmt>\n   <Id>")
			.append(statementId)
			.append("</Id>\n   <CreDtTm>2026-06-01T06:00:00</CreDtTm>\n")
			.append("   <FrToDt><FrDtTm>2026-05-01T00:00:00</FrDtTm><ToDtTm>2026-05-31T23:59:59</ToDtTm></FrToDt>\n")
			.append("   <Acct><Id><IBAN>")
			.append(account)
			.append("</IBAN></Id><Ccy>")
			.append(currency)
			.append("</Ccy></Acct>\n");
		for (var credit : credits) {
			xml.append("   <Ntry>\n    <Amt Ccy=\"")
				.append(credit.currency())
				.append("\">")
				.append(credit.amount().toPlainString())
				.append("</Amt>\n    <CdtDbtInd>")
				.append(credit.debit() ? "DBIT" : "CRDT")
				.append("</CdtDbtInd>\n    ")
				.append(v08 ? "<Sts><Cd>BOOK</Cd></Sts>" : "<Sts>BOOK</Sts>")
				.append("\n    <BookgDt><Dt>")
				.append(credit.bookedOn())
				.append("</Dt></BookgDt>\n    <ValDt><Dt>")
				.append(credit.bookedOn())
				.append("</Dt></ValDt>\n    <AcctSvcrRef>")
				.append(credit.reference())
				.append("</AcctSvcrRef>\n    <BkTxCd><Domn><Cd>PMNT</Cd><Fmly><Cd>RCDT</Cd><SubFmlyCd>ESCT</SubFmlyCd></Fmly></Domn></BkTxCd>\n")
				.append("    <NtryDtls><TxDtls>\n     <Refs><EndToEndId>NOTPROVIDED</EndToEndId></Refs>\n");
			if (credit.debtor() != null) {
				xml.append("     <RltdPties><Dbtr>")
					.append(v08 ? "<Pty><Nm>" : "<Nm>")
					.append(escape(credit.debtor()))
					.append(v08 ? "</Nm></Pty>" : "</Nm>")
					.append("</Dbtr></RltdPties>\n");
			}
			if (credit.remittance() != null) {
				xml.append("     <RmtInf><Ustrd>").append(escape(credit.remittance())).append("</Ustrd></RmtInf>\n");
			}
			xml.append("    </TxDtls></NtryDtls>\n   </Ntry>\n");
		}
		xml.append("  </Stmt>\n </BkToCstmrStmt>\n</Document>\n");
		return xml.toString();
	}

	private static String escape(String text) {
		return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
	}

}
