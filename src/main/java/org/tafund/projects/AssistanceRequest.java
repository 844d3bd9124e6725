package org.tafund.projects;

import java.time.LocalDate;
import java.util.EnumSet;
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
import org.tafund.projects.Codes.Channel;
import org.tafund.projects.Codes.Instrument;
import org.tafund.projects.Codes.RequestStatus;
import org.tafund.projects.Codes.Subject;
import org.tafund.shared.AuditableEntity;
import org.tafund.shared.BusinessRuleViolation;
import org.tafund.shared.Text;

/** A State's request for assistance: where the work starts. */
@Entity
@Table(name = "assistance_request")
@Audited
class AssistanceRequest extends AuditableEntity {

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;

	@Column(nullable = false, length = 3)
	private String state;

	@Column(name = "received_on", nullable = false)
	private LocalDate receivedOn;

	@Enumerated(EnumType.STRING)
	@Column(nullable = false, length = 20)
	private Channel channel;

	@ElementCollection(fetch = FetchType.EAGER)
	@CollectionTable(name = "assistance_request_subject", joinColumns = @JoinColumn(name = "request_id"))
	@Enumerated(EnumType.STRING)
	@Column(name = "subject", length = 40)
	private Set<Subject> subjects = EnumSet.noneOf(Subject.class);

	@ElementCollection(fetch = FetchType.EAGER)
	@CollectionTable(name = "assistance_request_instrument", joinColumns = @JoinColumn(name = "request_id"))
	@Enumerated(EnumType.STRING)
	@Column(name = "instrument", length = 40)
	private Set<Instrument> instruments = EnumSet.noneOf(Instrument.class);

	@Column(nullable = false, length = 2000)
	private String description;

	@Enumerated(EnumType.STRING)
	@Column(nullable = false, length = 20)
	private RequestStatus status;

	@Column(name = "decline_reason", length = 500)
	private String declineReason;

	protected AssistanceRequest() {
	}

	AssistanceRequest(String state, LocalDate receivedOn, Channel channel, Set<Subject> subjects,
			Set<Instrument> instruments, String description) {
		if (subjects == null || subjects.isEmpty()) {
			throw new BusinessRuleViolation("request.subjects.required");
		}
		this.state = state;
		this.receivedOn = receivedOn;
		this.channel = channel;
		this.subjects.addAll(subjects);
		if (instruments != null) {
			this.instruments.addAll(instruments);
		}
		this.description = Text.bounded(description, 2000, "description");
		this.status = RequestStatus.RECEIVED;
	}

	/**
	 * A request is assessed before it is accepted; it may be declined on receipt (outside the Fund's
	 * mandate) or after assessment, and withdrawn by the State until it is declined. Declined and
	 * withdrawn are final.
	 */
	private static final java.util.Map<RequestStatus, java.util.List<RequestStatus>> NEXT = new java.util.EnumMap<>(
			java.util.Map.of(RequestStatus.RECEIVED,
					java.util.List.of(RequestStatus.UNDER_ASSESSMENT, RequestStatus.DECLINED, RequestStatus.WITHDRAWN),
					RequestStatus.UNDER_ASSESSMENT,
					java.util.List.of(RequestStatus.ACCEPTED, RequestStatus.DECLINED, RequestStatus.WITHDRAWN),
					RequestStatus.ACCEPTED, java.util.List.of(RequestStatus.WITHDRAWN), RequestStatus.DECLINED,
					java.util.List.of(), RequestStatus.WITHDRAWN, java.util.List.of()));

	static java.util.List<RequestStatus> nextStatuses(RequestStatus from) {
		return NEXT.getOrDefault(from, java.util.List.of());
	}

	void changeStatus(RequestStatus newStatus, String reason) {
		if (!nextStatuses(status).contains(newStatus)) {
			throw BusinessRuleViolation.ofField("status", "request.status.notAllowed",
					new org.springframework.context.support.DefaultMessageSourceResolvable(
							new String[] { "requestStatus." + status }, status.name()),
					new org.springframework.context.support.DefaultMessageSourceResolvable(
							new String[] { "requestStatus." + newStatus }, String.valueOf(newStatus)));
		}
		if (newStatus == RequestStatus.DECLINED && (reason == null || reason.isBlank())) {
			throw BusinessRuleViolation.ofField("reason", "request.decline.reason");
		}
		this.status = newStatus;
		// The reason of a decline, or of a withdrawal when the State gave one.
		this.declineReason = newStatus == RequestStatus.DECLINED || newStatus == RequestStatus.WITHDRAWN
				? Text.bounded(reason, 500, "reason") : null;
	}

	Long getId() {
		return id;
	}

	RequestView view() {
		return new RequestView(id, state, receivedOn, channel, Set.copyOf(subjects), Set.copyOf(instruments), description,
				status, declineReason, getVersion());
	}

	/** A request as pages and the API show it. */
	public record RequestView(Long id, String state, LocalDate receivedOn, Channel channel, Set<Subject> subjects,
			Set<Instrument> instruments, String description, RequestStatus status, String declineReason,
			long version) {
	}

}
