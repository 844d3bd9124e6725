package org.tafund.publishing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.transform.stream.StreamSource;
import javax.xml.validation.SchemaFactory;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import org.tafund.contributions.AgreementTerms;
import org.tafund.contributions.ContributionManagement;
import org.tafund.contributions.FundingWindow;
import org.tafund.contributions.ReceiptCommand;
import org.tafund.contributions.ScheduleLine;
import org.tafund.donors.DonorDetails;
import org.tafund.donors.DonorManagement;
import org.tafund.donors.DonorType;
import org.tafund.projects.Codes;
import org.tafund.projects.ProjectDetails;
import org.tafund.projects.ProjectManagement;
import org.tafund.reference.ReferenceCatalogue;
import org.tafund.security.Role;
import org.tafund.support.IntegrationTest;
import org.tafund.support.OwnDatabase;
import org.tafund.support.Refused;
import org.tafund.support.SignedIn;
import org.tafund.support.TestSession;
import org.tafund.support.Unique;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/**
 * The IATI activity file of the demo data (this class has a database of its own, with the demo
 * data loaded): valid against the IATI 2.03 schema, every code on its IATI code list, and each
 * activity's transactions adding up to its project's figures; then what finance withholds.
 */
@IntegrationTest
@OwnDatabase
@TestPropertySource(properties = "tafund.demo.data=true")
class IatiPublishingTests {

	static final RequestPostProcessor FINANCE = user("finance.officer").roles("FINANCE");

	@Autowired
	MockMvc mvc;

	@Autowired
	ProjectManagement projects;

	@Autowired
	ContributionManagement contributions;

	@Autowired
	DonorManagement donors;

	@Autowired
	ReferenceCatalogue reference;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	org.tafund.reference.CountryCatalogue countries;

	@Test
	void theDemoDataFileIsValidIati203AndCodedFromTheCodeLists() throws Exception {
		var xml = file();
		var schema = SchemaFactory.newInstance(XMLConstants.W3C_XML_SCHEMA_NS_URI)
			.newSchema(new ClassPathResource("iati/schema/iati-activities-schema.xsd").getURL());
		// Throws, naming the line, on anything the schema refuses.
		schema.newValidator().validate(new StreamSource(new ByteArrayInputStream(xml)));

		var document = parse(xml);
		var activities = document.getElementsByTagName("iati-activity");
		assertThat(activities.getLength()).isPositive();
		assertThat(document.getDocumentElement().getAttribute("version")).isEqualTo("2.03");
		var codes = new ArrayList<String>();
		check(document, "activity-status", "code", "ActivityStatus", codes);
		check(document, "activity-date", "type", "ActivityDateType", codes);
		check(document, "recipient-country", "code", "Country", codes);
		check(document, "sector", "code", "Sector", codes);
		check(document, "participating-org", "role", "OrganisationRole", codes);
		check(document, "participating-org", "type", "OrganisationType", codes);
		check(document, "reporting-org", "type", "OrganisationType", codes);
		check(document, "transaction-type", "code", "TransactionType", codes);
		check(document, "default-flow-type", "code", "FlowType", codes);
		check(document, "default-finance-type", "code", "FinanceType", codes);
		check(document, "default-aid-type", "code", "EarmarkingCategory", codes);
		check(document, "aid-type", "code", "EarmarkingCategory", codes);
		check(document, "budget", "type", "BudgetType", codes);
		check(document, "budget", "status", "BudgetStatus", codes);
		check(document, "value", "currency", "Currency", codes);
		assertThat(codes).as("codes checked").hasSizeGreaterThan(20);

		for (int i = 0; i < activities.getLength(); i++) {
			var activity = (Element) activities.item(i);
			var identifier = text(activity, "iati-identifier");
			assertThat(identifier).startsWith("XM-DAC-41128-");
			var countries = activity.getElementsByTagName("recipient-country");
			if (countries.getLength() > 0) {
				var total = BigDecimal.ZERO;
				for (int c = 0; c < countries.getLength(); c++) {
					total = total.add(new BigDecimal(((Element) countries.item(c)).getAttribute("percentage")));
				}
				assertThat(total).as(identifier + " countries' percentages").isEqualByComparingTo("100");
			}
		}
	}

	@Test
	void eachActivitysTransactionsAddUpToItsProjectPage() throws Exception {
		var document = parse(file());
		var activities = document.getElementsByTagName("iati-activity");
		int withMoney = 0;
		for (int i = 0; i < activities.getLength(); i++) {
			var activity = (Element) activities.item(i);
			var code = text(activity, "iati-identifier").substring("XM-DAC-41128-".length());
			var id = jdbc.queryForObject("select id from project where code = ?", Long.class, code);
			var project = projects.project(id);
			var sums = sums(activity);
			assertThat(sums.getOrDefault("2", BigDecimal.ZERO)).as(code + " commitments")
				.isEqualByComparingTo(project.allocatedUsd().amount());
			assertThat(sums.getOrDefault("4", BigDecimal.ZERO)).as(code + " expenditure and PSC")
				.isEqualByComparingTo(project.expenditureUsd().plus(project.pscUsd()).amount());
			assertThat(sums.getOrDefault("1", BigDecimal.ZERO)).as(code + " incoming funds")
				.isLessThanOrEqualTo(sums.getOrDefault("2", BigDecimal.ZERO));
			if (project.expenditureUsd().isPositive()) {
				withMoney++;
			}
		}
		assertThat(withMoney).as("demo projects with expenditure").isPositive();
	}

	@Test
	void incomingFundsAreTheAllocationsCoveredByCashInTheOrderTheyWereMade() throws Exception {
		// 100,000 USD agreed, 70,000 received: the first allocation (60,000) is covered, the second
		// (30,000) for 10,000 only; both are committed in full.
		var donor = donors.register(new DonorDetails(Unique.name("IATI Donor"), DonorType.MEMBER_STATE,
				org.tafund.support.MemberStates.freeCountry(donors, countries, "NOR"),
				"XM-DAC-8", "10", null, true, List.of())).id();
		var reference = Unique.name("IATI-A");
		var agreement = contributions.createAgreement(new AgreementTerms(reference, donor, "USD",
				new BigDecimal("100000.00"), FundingWindow.CPCJF_GENERAL_PURPOSE, null, 1, null, null, null, null, false,
				null, null, LocalDate.parse("2026-04-10"),
				List.of(new ScheduleLine(LocalDate.parse("2026-12-31"), new BigDecimal("100000.00"))))).id();
		contributions.recordReceipt(agreement, new ReceiptCommand(LocalDate.parse("2026-04-20"),
				new BigDecimal("70000.00"), "USD", "IATI-1", null, false));
		long first;
		long second;
		try (var signedIn = SignedIn.as("finance.officer", Role.FINANCE)) {
			first = project(Unique.name("IATI-P1"), Set.of("SEN", "GHA", "CIV"), 2);
			second = project(Unique.name("IATI-P2"), Set.of("NPL"), 2);
			projects.allocate(agreement, first, new BigDecimal("60000.00"), LocalDate.parse("2026-05-01"));
			projects.allocate(agreement, second, new BigDecimal("30000.00"), LocalDate.parse("2026-05-10"));
		}
		var document = parse(file());
		var one = activity(document, projects.project(first).code());
		var two = activity(document, projects.project(second).code());
		assertThat(sums(one)).containsEntry("1", new BigDecimal("60000.00")).containsEntry("2", new BigDecimal("60000.00"));
		assertThat(sums(two)).containsEntry("1", new BigDecimal("10000.00")).containsEntry("2", new BigDecimal("30000.00"));
		var percentages = new ArrayList<String>();
		var countries = one.getElementsByTagName("recipient-country");
		for (int c = 0; c < countries.getLength(); c++) {
			percentages.add(((Element) countries.item(c)).getAttribute("percentage"));
		}
		assertThat(percentages).containsExactly("33.33", "33.33", "33.34");
		var funders = new ArrayList<String>();
		var orgs = one.getElementsByTagName("participating-org");
		for (int o = 0; o < orgs.getLength(); o++) {
			var org = (Element) orgs.item(o);
			if (org.getAttribute("role").equals("1")) {
				funders.add(org.getAttribute("ref"));
			}
		}
		assertThat(funders).containsExactly("XM-DAC-8");
		// The 2025 budget's period starts with the project, not on 1 January.
		var budget = (Element) one.getElementsByTagName("budget").item(0);
		assertThat(((Element) budget.getElementsByTagName("period-start").item(0)).getAttribute("iso-date"))
			.isEqualTo("2025-03-15");
		assertThat(((Element) budget.getElementsByTagName("period-end").item(0)).getAttribute("iso-date"))
			.isEqualTo("2025-12-31");
	}

	@Test
	void whatFinanceWithholdsIsLeftOutAndListedWithTheReason() throws Exception {
		long hidden;
		long quiet;
		long pipeline;
		try (var signedIn = SignedIn.as("finance.officer", Role.FINANCE)) {
			hidden = project(Unique.name("IATI-H"), Set.of("AFG"), 2);
			quiet = project(Unique.name("IATI-Q"), Set.of("MLI"), 2);
			pipeline = project(Unique.name("IATI-PL"), Set.of("MLI"), 1);
		}
		var hiddenCode = projects.project(hidden).code();
		var quietCode = projects.project(quiet).code();
		exclude(hidden, "PROJECT", "Security of the participants");
		exclude(quiet, "COUNTRIES", "The State asked not to be named");
		exclude(quiet, "DESCRIPTION", "Draft under negotiation");

		var document = parse(file());
		assertThat(identifiers(document)).doesNotContain("XM-DAC-41128-" + hiddenCode,
				"XM-DAC-41128-" + projects.project(pipeline).code());
		var activity = activity(document, quietCode);
		assertThat(activity.getElementsByTagName("recipient-country").getLength()).isZero();
		assertThat(text((Element) activity.getElementsByTagName("description").item(0), "narrative"))
			.startsWith("Capacity building in mutual legal assistance");

		var page = mvc.perform(get("/publishing").with(FINANCE)).andExpect(status().isOk()).andReturn().getResponse()
			.getContentAsString();
		assertThat(page).contains(hiddenCode, "Withheld by finance: Security of the participants",
				"Withheld by finance: The State asked not to be named", "In the pipeline: not yet approved.");

		// A second exclusion of the same, and one without a reason: refused beside the field, nothing stored.
		var twice = Refused.redirect(mvc, post("/publishing/exclusions").param("projectId", String.valueOf(hidden))
			.param("field", "PROJECT").param("reason", "Again"), FINANCE, "/publishing");
		assertThat(Refused.fieldError(twice, "form", "field")).isEqualTo("publishing.exclusion.exists");
		var noReason = Refused.redirect(mvc, post("/publishing/exclusions").param("projectId", String.valueOf(quiet))
			.param("field", "DONORS").param("reason", "  "), FINANCE, "/publishing");
		assertThat(Refused.fieldError(noReason, "form", "reason")).isEqualTo("publishing.exclusion.reason.required");
		assertThat(jdbc.queryForObject("select count(*) from publication_exclusion where project_id in (?, ?)",
				Integer.class, hidden, quiet)).isEqualTo(3);
		var noField = Refused.redirect(mvc, post("/publishing/exclusions").param("projectId", String.valueOf(quiet))
			.param("reason", "Why"), FINANCE, "/publishing");
		assertThat(Refused.fieldError(noField, "form", "field")).isEqualTo("publishing.exclusion.field.required");
		var tooLong = Refused.redirect(mvc, post("/publishing/exclusions").param("projectId", String.valueOf(quiet))
			.param("field", "DONORS").param("reason", "x".repeat(501)), FINANCE, "/publishing");
		assertThat(Refused.fieldError(tooLong, "form", "reason")).isEqualTo("publishing.exclusion.reason.tooLong");
		var noProject = Refused.redirect(mvc, post("/publishing/exclusions").param("field", "DONORS")
			.param("reason", "Why"), FINANCE, "/publishing");
		assertThat(Refused.fieldError(noProject, "form", "projectId")).isEqualTo("publishing.exclusion.project.required");

		// Publishing again needs the version the officer saw: a stale one is a conflict.
		var exclusion = jdbc.queryForMap("select id, version from publication_exclusion where project_id = ?", hidden);
		var stale = Refused.redirect(mvc, post("/publishing/exclusions/" + exclusion.get("id") + "/remove")
			.param("version", String.valueOf(((Number) exclusion.get("version")).longValue() + 1)), FINANCE, "/publishing");
		assertThat(stale.getFlashMap().get("problem")).hasToString(
				new org.springframework.context.support.DefaultMessageSourceResolvable(
						new String[] { "conflict.concurrentEdit" }, new Object[] { "exclusion", exclusion.get("id") })
					.toString());
		mvc.perform(post("/publishing/exclusions/" + exclusion.get("id") + "/remove")
			.param("version", String.valueOf(exclusion.get("version"))).with(FINANCE).with(csrf()))
			.andExpect(redirectedUrl("/publishing"));
		assertThat(identifiers(parse(file()))).contains("XM-DAC-41128-" + hiddenCode);
		var again = Refused.redirect(mvc, post("/publishing/exclusions/" + exclusion.get("id") + "/remove")
			.param("version", String.valueOf(exclusion.get("version"))), FINANCE, "/publishing");
		assertThat(again.getFlashMap().get("problem")).hasToString(
				new org.springframework.context.support.DefaultMessageSourceResolvable("publishing.exclusion.gone").toString());
		assertThat(jdbc.queryForObject("select count(*) from publication_exclusion_aud where id = ?", Integer.class,
				exclusion.get("id"))).as("added and removed, in the audit trail").isEqualTo(2);
	}

	@Test
	void withheldDonorsLeaveTheAmountsAndDropTheNames() throws Exception {
		var name = Unique.name("Anonymous Foundation");
		var donor = donors.register(new DonorDetails(name, DonorType.FOUNDATION, null, "GB-CHC-1", "60", null, true,
				List.of())).id();
		var agreement = contributions.createAgreement(new AgreementTerms(Unique.name("IATI-D"), donor, "USD",
				new BigDecimal("5000.00"), FundingWindow.CPCJF_GENERAL_PURPOSE, null, 1, null, null, null, null, false,
				null, null, LocalDate.parse("2026-04-10"),
				List.of(new ScheduleLine(LocalDate.parse("2026-12-31"), new BigDecimal("5000.00"))))).id();
		contributions.recordReceipt(agreement, new ReceiptCommand(LocalDate.parse("2026-04-20"),
				new BigDecimal("5000.00"), "USD", "IATI-D", null, false));
		long project;
		try (var signedIn = SignedIn.as("finance.officer", Role.FINANCE)) {
			project = project(Unique.name("IATI-D"), Set.of("KEN"), 2);
			projects.allocate(agreement, project, new BigDecimal("4000.00"), LocalDate.parse("2026-05-01"));
		}
		exclude(project, "DONORS", "The foundation gives anonymously");
		var xml = new String(file(), java.nio.charset.StandardCharsets.UTF_8);
		assertThat(xml).doesNotContain(name).doesNotContain("GB-CHC-1");
		var activity = activity(parse(xml.getBytes(java.nio.charset.StandardCharsets.UTF_8)), projects.project(project).code());
		assertThat(sums(activity)).containsEntry("1", new BigDecimal("4000.00")).containsEntry("2", new BigDecimal("4000.00"));
	}

	@Test
	void onlyFinanceAndAdministratorsSeeThePageAndTheFile() throws Exception {
		mvc.perform(get("/iati/activities.xml").with(user("donor.officer").roles("DONOR_RELATIONS")))
			.andExpect(status().isForbidden());
		mvc.perform(get("/iati/activities.xml").with(user("admin").roles("ADMIN")))
			.andExpect(status().isOk())
			.andExpect(header().string("Content-Type", org.hamcrest.Matchers.startsWith("application/xml")));
	}

	@Test
	void sharesOfAHundredAddUpToAHundred() {
		for (int n = 1; n <= 12; n++) {
			var codes = new ArrayList<String>();
			for (int i = 0; i < n; i++) {
				codes.add("C" + i);
			}
			assertThat(IatiActivities.split(codes).stream().map(Publication.Country::percentage).reduce(BigDecimal.ZERO,
					BigDecimal::add)).as(n + " countries").isEqualByComparingTo("100");
		}
	}

	// -----------------------------------------------------------------------------------------

	long project(String code, Set<String> countries, int status) {
		return projects.createProject(new ProjectDetails(code, "Central authority training " + code, null,
				Codes.Theme.MLA, Set.of(Codes.Instrument.UNTOC), countries,
				reference.implementingEntity("UNODC-HQ").orElseThrow().id(), Set.of("project.manager"),
				LocalDate.parse("2025-03-15"), LocalDate.parse("2026-12-31"), null, null, status, "15130", null, Set.of(),
				List.of(new ProjectDetails.Budget(2025, Codes.BudgetCategory.TRAVEL, new BigDecimal("20000.00")))))
			.id();
	}

	void exclude(long project, String field, String reason) throws Exception {
		var session = TestSession.of(mvc.perform(post("/publishing/exclusions").param("projectId", String.valueOf(project))
			.param("field", field).param("reason", reason).with(FINANCE).with(csrf()))
			.andExpect(redirectedUrl("/publishing"))
			.andReturn());
		assertThat(session).isNotNull();
	}

	byte[] file() throws Exception {
		return mvc.perform(get("/iati/activities.xml").with(FINANCE))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsByteArray();
	}

	static Document parse(byte[] xml) throws Exception {
		var factory = DocumentBuilderFactory.newInstance();
		factory.setNamespaceAware(true);
		factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
		return factory.newDocumentBuilder().parse(new ByteArrayInputStream(xml));
	}

	static String text(Element parent, String tag) {
		return parent.getElementsByTagName(tag).item(0).getTextContent();
	}

	static List<String> identifiers(Document document) {
		var identifiers = new ArrayList<String>();
		var nodes = document.getElementsByTagName("iati-identifier");
		for (int i = 0; i < nodes.getLength(); i++) {
			identifiers.add(nodes.item(i).getTextContent());
		}
		return identifiers;
	}

	static Element activity(Document document, String projectCode) {
		var activities = document.getElementsByTagName("iati-activity");
		for (int i = 0; i < activities.getLength(); i++) {
			var activity = (Element) activities.item(i);
			if (text(activity, "iati-identifier").equals("XM-DAC-41128-" + projectCode)) {
				return activity;
			}
		}
		throw new AssertionError("No activity for " + projectCode);
	}

	/** The activity's transaction values summed by transaction type code. */
	static Map<String, BigDecimal> sums(Element activity) {
		var sums = new HashMap<String, BigDecimal>();
		var transactions = activity.getElementsByTagName("transaction");
		for (int t = 0; t < transactions.getLength(); t++) {
			var transaction = (Element) transactions.item(t);
			var type = ((Element) transaction.getElementsByTagName("transaction-type").item(0)).getAttribute("code");
			sums.merge(type, new BigDecimal(text(transaction, "value")), BigDecimal::add);
		}
		return sums;
	}

	/** Every value of {@code attribute} on {@code tag} is on the code list {@code list}. */
	static void check(Document document, String tag, String attribute, String list, List<String> checked)
			throws Exception {
		var allowed = codes(list);
		var nodes = document.getElementsByTagName(tag);
		for (int i = 0; i < nodes.getLength(); i++) {
			var element = (Element) nodes.item(i);
			if (!element.hasAttribute(attribute)) {
				continue;
			}
			if (tag.equals("sector")) {
				assertThat(element.getAttribute("vocabulary")).isEqualTo("1");
			}
			assertThat(allowed).as(tag + "@" + attribute).contains(element.getAttribute(attribute));
			checked.add(element.getAttribute(attribute));
		}
	}

	/** The active codes of an IATI code list, read straight from the list. */
	static Set<String> codes(String list) throws Exception {
		var document = parse(new ClassPathResource("iati/codelists/" + list + ".xml").getContentAsByteArray());
		var codes = new HashSet<String>();
		var items = document.getElementsByTagName("codelist-item");
		for (int i = 0; i < items.getLength(); i++) {
			var item = (Element) items.item(i);
			if (!"withdrawn".equals(item.getAttribute("status"))) {
				codes.add(text(item, "code").strip());
			}
		}
		assertThat(codes).as(list).isNotEmpty();
		return codes;
	}

}
