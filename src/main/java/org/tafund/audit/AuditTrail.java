package org.tafund.audit;

import java.lang.reflect.Field;
import java.lang.reflect.Member;
import java.lang.reflect.RecordComponent;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import java.util.stream.Collectors;

import jakarta.persistence.Embeddable;
import jakarta.persistence.EntityManager;
import jakarta.persistence.metamodel.Attribute;

import org.hibernate.envers.AuditReader;
import org.hibernate.envers.AuditReaderFactory;
import org.hibernate.envers.NotAudited;
import org.hibernate.envers.RevisionType;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.tafund.shared.AuditableEntity;

/**
 * Reads the Envers history back: for each revision, every record it touched and, property by
 * property, the value before and after. Works for any {@code @Audited} entity of any module, so
 * later modules get their history pages without code here.
 */
@Service
@Transactional(readOnly = true)
public class AuditTrail {

	private final Revisions revisions;

	private final EntityManager entityManager;

	private final java.util.List<org.tafund.shared.RecordNames> names;

	AuditTrail(Revisions revisions, EntityManager entityManager,
			java.util.List<org.tafund.shared.RecordNames> names) {
		this.revisions = revisions;
		this.entityManager = entityManager;
		this.names = names;
	}

	/** A property holding another record's id, named by the module that keeps that record; else null. */
	private String named(String property, Object value) {
		if (value == null || !property.endsWith("Id")) {
			return null;
		}
		for (var source : names) {
			var name = source.nameOf(property, value);
			if (name.isPresent()) {
				return name.get();
			}
		}
		return null;
	}

	Page<RevisionView> revisions(String username, Pageable pageable) {
		var page = username == null || username.isBlank() ? revisions.findAllByOrderByIdDesc(pageable)
				: revisions.findByUsernameOrderByIdDesc(username.strip().toLowerCase(), pageable);
		var reader = AuditReaderFactory.get(entityManager);
		return page.map(revision -> view(reader, revision));
	}

	/**
	 * Every revision of one record, newest first, with what changed in each. The entity is named by
	 * its class's simple name; only {@code @Audited} entities have a history.
	 */
	List<RevisionView> history(String entityName, String id) {
		var entityType = entityManager.getMetamodel()
			.getEntities()
			.stream()
			.filter(e -> e.getJavaType().getSimpleName().equals(entityName)
					&& e.getJavaType().isAnnotationPresent(org.hibernate.envers.Audited.class))
			.findFirst()
			.orElseThrow(() -> new RevisionNotFound(0));
		Object key;
		try {
			key = entityType.getIdType().getJavaType() == Long.class ? (Object) Long.valueOf(id) : id;
		}
		catch (NumberFormatException e) {
			throw new RevisionNotFound(0);
		}
		var reader = AuditReaderFactory.get(entityManager);
		@SuppressWarnings("unchecked")
		List<Object[]> rows = reader.createQuery()
			.forRevisionsOfEntity(entityType.getJavaType(), false, true)
			.add(org.hibernate.envers.query.AuditEntity.id().eq(key))
			.addOrder(org.hibernate.envers.query.AuditEntity.revisionNumber().desc())
			.getResultList();
		var history = new ArrayList<RevisionView>();
		for (Object[] row : rows) {
			var revision = (Revision) row[1];
			var change = change(reader, revision.getId(), (RevisionType) row[2], row[0]);
			history.add(new RevisionView(revision.getId(), revision.getInstant(), revision.getUsername(), List.of(change)));
		}
		return history;
	}

	RevisionView revision(long number) {
		var revision = revisions.findById(number).orElseThrow(() -> new RevisionNotFound(number));
		return view(AuditReaderFactory.get(entityManager), revision);
	}

	private RevisionView view(AuditReader reader, Revision revision) {
		Map<RevisionType, List<Object>> byType = reader.getCrossTypeRevisionChangesReader()
			.findEntitiesGroupByRevisionType(revision.getId());
		var changes = new ArrayList<RevisionView.RecordChange>();
		byType.forEach((type, entities) -> {
			for (Object entity : entities) {
				changes.add(change(reader, revision.getId(), type, entity));
			}
		});
		changes.sort(Comparator.comparing(RevisionView.RecordChange::entity)
			.thenComparing(change -> String.valueOf(change.id())));
		return new RevisionView(revision.getId(), revision.getInstant(), revision.getUsername(), changes);
	}

	private RevisionView.RecordChange change(AuditReader reader, long revision, RevisionType type, Object entity) {
		Class<?> entityClass = org.hibernate.Hibernate.getClass(entity);
		Object id = entityManager.getEntityManagerFactory().getPersistenceUnitUtil().getIdentifier(entity);
		Object before = null;
		if (type == RevisionType.MOD) {
			Number previous = reader.getRevisions(entityClass, id)
				.stream()
				.filter(n -> n.longValue() < revision)
				.reduce((first, second) -> second)
				.orElse(null);
			before = previous == null ? null : reader.find(entityClass, id, previous);
		}
		var properties = new ArrayList<RevisionView.PropertyChange>();
		if (type != RevisionType.DEL) {
			var audited = auditedProperties(entityClass);
			// Money reads with its currency: the record's own currency, or USD for a figure in dollars.
			var currency = audited.stream()
				.filter(p -> p.name().equals("currency"))
				.map(p -> p.read(entity))
				.filter(String.class::isInstance)
				.map(String.class::cast)
				.findFirst()
				.orElse(null);
			var locale = org.springframework.context.i18n.LocaleContextHolder.getLocale();
			for (Property property : audited) {
				Object value = property.read(entity);
				var afterName = named(property.name(), value);
				String after = afterName != null ? afterName : shown(property.name(), value, currency, locale);
				// A record that existed before auditing began (seed data) has no earlier state to show.
				Object previous = before == null ? null : property.read(before);
				var previousName = named(property.name(), previous);
				String was = before == null ? (type == RevisionType.MOD ? "—" : "")
						: previousName != null ? previousName : shown(property.name(), previous, currency, locale);
				if (type == RevisionType.ADD ? !after.isEmpty() : !Objects.equals(was, after)) {
					properties.add(new RevisionView.PropertyChange(property.name(), was, after, labelKey(previous),
							labelKey(value)));
				}
			}
		}
		return new RevisionView.RecordChange(entityClass.getSimpleName(), id, type.name(), properties);
	}

	/**
	 * The audited properties of an entity, by name. An embedded value (a record such as
	 * {@code ConvertedAmount}) shows as its components, so that its columns read as they did when
	 * they were fields of the entity.
	 */
	private List<Property> auditedProperties(Class<?> entityClass) {
		var properties = new ArrayList<Property>();
		for (Attribute<?, ?> attribute : entityManager.getMetamodel().entity(entityClass).getAttributes()) {
			Member member = attribute.getJavaMember();
			if (member instanceof Field field && field.getDeclaringClass() != AuditableEntity.class
					&& !field.isAnnotationPresent(NotAudited.class)
					&& !field.isAnnotationPresent(jakarta.persistence.Id.class)) {
				field.setAccessible(true);
				Function<Object, Object> ofEntity = entity -> read(field, entity);
				if (field.getType().isRecord() && field.getType().isAnnotationPresent(Embeddable.class)) {
					for (RecordComponent component : field.getType().getRecordComponents()) {
						properties.add(new Property(component.getName(),
								entity -> component(component, ofEntity.apply(entity))));
					}
				}
				else {
					properties.add(new Property(field.getName(), ofEntity));
				}
			}
		}
		properties.sort(Comparator.comparing(Property::name));
		return properties;
	}

	private record Property(String name, Function<Object, Object> reader) {

		Object read(Object entity) {
			return reader.apply(entity);
		}

	}

	private static Object read(Field field, Object entity) {
		try {
			return field.get(entity);
		}
		catch (IllegalAccessException e) {
			throw new IllegalStateException("Cannot read " + field, e);
		}
	}

	private static Object component(RecordComponent component, Object value) {
		if (value == null) {
			return null;
		}
		try {
			return component.getAccessor().invoke(value);
		}
		catch (ReflectiveOperationException e) {
			throw new IllegalStateException("Cannot read " + component, e);
		}
	}

	/** Enumerations whose codes have labels in the message bundles, by the prefix of their keys. */
	private static final java.util.Map<String, String> LABELLED = java.util.Map.ofEntries(
			java.util.Map.entry("FundingWindow", "window"), java.util.Map.entry("DonorType", "donorType"),
			java.util.Map.entry("EarmarkKind", "earmark"), java.util.Map.entry("Role", "role"),
			java.util.Map.entry("ActivityType", "activityType"), java.util.Map.entry("Theme", "theme"),
			java.util.Map.entry("Instrument", "instrument"), java.util.Map.entry("RequestStatus", "requestStatus"),
			java.util.Map.entry("Subject", "subject"), java.util.Map.entry("BudgetCategory", "category"),
			java.util.Map.entry("Mode", "mode"), java.util.Map.entry("Scope", "token.scope"),
			java.util.Map.entry("ApprovalAction", "approval.action"),
			java.util.Map.entry("ApprovalStatus", "approval.status"), java.util.Map.entry("Channel", "channel"),
			java.util.Map.entry("Classification", "classification"), java.util.Map.entry("PeriodKind", "periodKind"),
			java.util.Map.entry("Withheld", "publishing.withheld"));

	/**
	 * The message keys of a value's labels: one for a labelled enumeration's code, one per code for a
	 * set of them (joined by commas, in the order the value is shown), none otherwise.
	 */
	static String labelKeyOf(Object value) {
		return labelKey(value);
	}

	private static String labelKey(Object value) {
		if (value instanceof Boolean yes) {
			return yes ? "yes" : "no";
		}
		if (value instanceof Enum<?> code && LABELLED.containsKey(code.getDeclaringClass().getSimpleName())) {
			return LABELLED.get(code.getDeclaringClass().getSimpleName()) + "." + code.name();
		}
		if (value instanceof Collection<?> codes && !codes.isEmpty()
				&& codes.stream().allMatch(c -> c instanceof Enum<?> && labelKey(c) != null)) {
			return codes.stream().map(c -> (Enum<?>) c).sorted(java.util.Comparator.comparing(Enum::name))
				.map(AuditTrail::labelKey).collect(Collectors.joining(","));
		}
		return null;
	}

	private static Object idOf(Object entity) {
		for (Class<?> type = entity.getClass(); type != null; type = type.getSuperclass()) {
			try {
				var getter = type.getDeclaredMethod("getId");
				getter.setAccessible(true);
				return getter.invoke(entity);
			}
			catch (NoSuchMethodException e) {
				// the superclass may have it
			}
			catch (ReflectiveOperationException | RuntimeException e) {
				return "?";
			}
		}
		return "?";
	}

	private static final java.util.regex.Pattern MONEY = java.util.regex.Pattern
		.compile("(?i).*(amount|total|outstanding|usd)$");

	/**
	 * A value as the history shows it: an amount grouped as the reader groups, with its currency
	 * (the record's, or USD for a figure in dollars); a rate as it was stored, without trailing
	 * zeros; anything else as {@link #format}.
	 */
	static String shown(String property, Object value, String currency, java.util.Locale locale) {
		// A rate (units per USD) is not money, whatever its name ends with.
		if (!(value instanceof java.math.BigDecimal number) || !MONEY.matcher(property).matches()
				|| property.toLowerCase(java.util.Locale.ROOT).contains("perusd")) {
			return format(value);
		}
		// An amount in another record's currency (a receipt's agreementAmount) is shown without one.
		var code = property.endsWith("Usd") || property.equals("usd") ? "USD"
				: property.startsWith("agreement") ? null : currency;
		var grouped = java.text.NumberFormat.getNumberInstance(locale);
		var plain = number.stripTrailingZeros();
		int digits = 2;
		try {
			digits = code == null ? 2 : org.tafund.shared.Money.digits(code);
		}
		catch (RuntimeException notIso) {
			// A code that is not an ISO currency keeps cents.
		}
		grouped.setMinimumFractionDigits(digits);
		grouped.setMaximumFractionDigits(Math.max(digits, plain.scale()));
		return grouped.format(number) + (code == null ? "" : " " + code);
	}

	private static final java.util.regex.Pattern ISO_DAY_OR_MONTH = java.util.regex.Pattern
		.compile("\\d{4}-\\d{2}(-\\d{2})?");

	private static String sortKey(Object value) {
		return value instanceof org.tafund.shared.Described described ? described.describe()
				: value instanceof java.time.temporal.Temporal ? value.toString() : format(value);
	}

	static String format(Object value) {
		if (value == null) {
			return "";
		}
		if (value instanceof org.tafund.shared.Described described) {
			return described.describe(org.springframework.context.i18n.LocaleContextHolder.getLocale());
		}
		var locale = org.springframework.context.i18n.LocaleContextHolder.getLocale();
		if (value instanceof java.math.BigDecimal number) {
			// Stored at four or eight decimals: shown at what the figure has, at least cents, with the reader's marks.
			return org.tafund.shared.Described.grouped(number, locale);
		}
		if (value instanceof Collection<?> collection) {
			// In the order of what they hold (an instalment's ISO due date first), not of their words.
			return collection.stream()
				.sorted(java.util.Comparator.comparing(AuditTrail::sortKey))
				.map(AuditTrail::format)
				.collect(Collectors.joining(", "));
		}
		if (value instanceof Instant instant) {
			return org.tafund.shared.Dates.second(instant, locale);
		}
		if (value instanceof java.time.LocalDate date) {
			return org.tafund.shared.Dates.day(date, locale);
		}
		if (value instanceof String text && ISO_DAY_OR_MONTH.matcher(text).matches()) {
			// A date a record keeps as text (an approval's subject: a period, a revaluation's end).
			try {
				return text.length() == 7 ? org.tafund.shared.Dates.month(java.time.YearMonth.parse(text), locale)
						: org.tafund.shared.Dates.day(java.time.LocalDate.parse(text), locale);
			}
			catch (java.time.format.DateTimeParseException notADate) {
				return text;
			}
		}
		var type = org.hibernate.Hibernate.getClass(value);
		if (type.isAnnotationPresent(jakarta.persistence.Entity.class)) {
			// Another record (a lazy proxy too), named by its kind and number rather than by Object.toString's hash.
			return type.getSimpleName() + " " + idOf(value);
		}
		return value.toString();
	}

}
