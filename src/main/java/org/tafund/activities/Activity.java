package org.tafund.activities;

import java.time.Instant;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.Table;

import org.hibernate.envers.Audited;
import org.tafund.projects.Codes.Instrument;
import org.tafund.shared.AuditableEntity;
import org.tafund.shared.BusinessRuleViolation;
import org.tafund.shared.PlanningDates;
import org.tafund.shared.Text;

@Entity
@Table(name = "activity")
@Audited
class Activity extends AuditableEntity {

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;

	@Column(name = "project_id", nullable = false, updatable = false)
	private Long projectId;

	@Enumerated(EnumType.STRING)
	@Column(name = "activity_type", nullable = false, length = 40)
	private ActivityType type;

	@Column(nullable = false, length = 300)
	private String title;

	@Column(name = "start_date", nullable = false)
	private LocalDate startDate;

	@Column(name = "end_date", nullable = false)
	private LocalDate endDate;

	@Enumerated(EnumType.STRING)
	@Column(nullable = false, length = 20)
	private Mode mode;

	@Column(length = 3)
	private String country;

	@Column(length = 100)
	private String city;

	@ElementCollection(fetch = FetchType.EAGER)
	@CollectionTable(name = "activity_instrument", joinColumns = @JoinColumn(name = "activity_id"))
	@Enumerated(EnumType.STRING)
	@Column(name = "instrument", length = 40)
	private Set<Instrument> instruments = EnumSet.noneOf(Instrument.class);

	// Stored as plain columns: Envers rebuilds history through no-argument constructors, which records lack.
	@Column(nullable = false)
	private int women;

	@Column(nullable = false)
	private int men;

	@Column(name = "sex_not_recorded", nullable = false)
	private int sexNotRecorded;

	@Column(name = "central_authority", nullable = false)
	private int centralAuthority;

	@Column(nullable = false)
	private int prosecution;

	@Column(nullable = false)
	private int judiciary;

	@Column(name = "law_enforcement", nullable = false)
	private int lawEnforcement;

	@Column(nullable = false)
	private int ministry;

	@Column(name = "other_institution", nullable = false)
	private int otherInstitution;

	@Column(length = 2000)
	private String outputs;

	@Column(name = "withdrawn_on")
	private LocalDate withdrawnOn;

	@Column(name = "withdrawn_by", length = 60)
	private String withdrawnBy;

	@Column(name = "withdrawal_reason", length = 500)
	private String withdrawalReason;

	@Column(length = 2000)
	private String notes;

	enum Mode {

		IN_PERSON, ONLINE, HYBRID

	}

	protected Activity() {
	}

	Activity(long projectId, ActivityDetails details) {
		this.projectId = projectId;
		apply(details);
	}

	void apply(ActivityDetails details) {
		if (withdrawnOn != null) {
			throw new BusinessRuleViolation("activity.alreadyWithdrawn", title, withdrawnOn);
		}
		PlanningDates.require(details.startDate(), "startDate");
		PlanningDates.require(details.endDate(), "endDate");
		if (details.endDate().isBefore(details.startDate())) {
			throw BusinessRuleViolation.ofField("endDate", "activity.dates.order");
		}
		if (details.mode() != Mode.ONLINE && (details.country() == null || details.country().isBlank())) {
			throw BusinessRuleViolation.ofField("country", "activity.country.required");
		}
		details.participants().checkBreakdowns();
		this.type = details.type();
		this.title = Text.bounded(details.title(), 300, "title");
		this.startDate = details.startDate();
		this.endDate = details.endDate();
		this.mode = details.mode();
		this.country = details.country() == null || details.country().isBlank() ? null
				: details.country().strip().toUpperCase(Locale.ROOT);
		this.city = Text.bounded(details.city(), 100, "city");
		this.instruments.clear();
		if (details.instruments() != null) {
			this.instruments.addAll(details.instruments());
		}
		var p = details.participants();
		this.women = p.women();
		this.men = p.men();
		this.sexNotRecorded = p.sexNotRecorded();
		this.centralAuthority = p.centralAuthority();
		this.prosecution = p.prosecution();
		this.judiciary = p.judiciary();
		this.lawEnforcement = p.lawEnforcement();
		this.ministry = p.ministry();
		this.otherInstitution = p.otherInstitution();
		this.outputs = Text.bounded(details.outputs(), 2000, "outputs");
		this.notes = Text.bounded(details.notes(), 2000, "notes");
	}

	Long getProjectId() {
		return projectId;
	}

	Participants getParticipants() {
		return new Participants(women, men, sexNotRecorded, centralAuthority, prosecution, judiciary, lawEnforcement,
				ministry, otherInstitution);
	}

	ActivityView view() {
		return new ActivityView(id, projectId, type, title, startDate, endDate, mode.name(), country, city,
				instruments.isEmpty() ? Set.of() : EnumSet.copyOf(instruments), getParticipants(), outputs, notes,
				getVersion(), getCreatedBy(), getCreatedAt(), withdrawnOn, withdrawnBy, withdrawalReason);
	}

	/**
	 * Withdraws an activity that did not take place: kept with its history, left out of totals and
	 * reports. A withdrawn activity is neither withdrawn again nor changed.
	 */
	void withdraw(LocalDate on, String by, String reason) {
		if (withdrawnOn != null) {
			throw new BusinessRuleViolation("activity.alreadyWithdrawn", title, withdrawnOn);
		}
		if (reason == null || reason.isBlank()) {
			throw BusinessRuleViolation.ofField("reason", "activity.withdrawal.reason");
		}
		this.withdrawnOn = on;
		this.withdrawnBy = by;
		this.withdrawalReason = org.tafund.shared.Text.bounded(reason, 500, "reason");
	}

	boolean isWithdrawn() {
		return withdrawnOn != null;
	}

	/** An activity as pages and the API show it. */
	public record ActivityView(Long id, Long projectId, ActivityType type, String title, LocalDate startDate,
			LocalDate endDate, String mode, String country, String city, Set<Instrument> instruments,
			Participants participants, String outputs, String notes, long version, String recordedBy,
			Instant recordedAt, LocalDate withdrawnOn, String withdrawnBy, String withdrawalReason) {

		public int totalParticipants() {
			return participants.total();
		}

		public boolean withdrawn() {
			return withdrawnOn != null;
		}

	}

}
