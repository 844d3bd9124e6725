package org.tafund.donors;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import jakarta.persistence.criteria.Predicate;

import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.domain.Specification;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.tafund.reference.CountryCatalogue;
import org.tafund.shared.BusinessRuleViolation;
import org.tafund.shared.ConcurrentEdit;

/** Donors: registered and edited by donor relations officers, read by everyone. */
@Service
@Transactional
public class DonorManagement {

	static final Set<String> IATI_ORGANISATION_TYPES = Set.of("10", "11", "15", "21", "22", "23", "24", "30", "40",
			"60", "70", "71", "72", "73", "80", "90");

	private final Donors donors;

	private final CountryCatalogue countries;

	private final org.springframework.context.ApplicationEventPublisher events;

	/** A history names a donor by its name: an agreement's or a pledge's {@code donorId}. */
	@org.springframework.context.annotation.Bean
	static org.tafund.shared.RecordNames donorNames(Donors donors) {
		return org.tafund.shared.RecordNames.of("donorId", id -> donors.findById(id).map(Donor::getName));
	}

	DonorManagement(Donors donors, CountryCatalogue countries, org.springframework.context.ApplicationEventPublisher events) {
		this.donors = donors;
		this.countries = countries;
		this.events = events;
	}

	/** Registers a donor; a second active Member State for a country is refused. */
	public DonorView register(DonorDetails details) {
		checkCodes(details);
		checkMemberState(details, null);
		return donors.save(new Donor(details)).view();
	}

	/**
	 * Registers a donor from a person's form (page or API): unless {@code similarConfirmed}, a name
	 * that reads as an existing donor's once case, accents, punctuation and spacing are set aside is
	 * refused with that donor's name, so that the person can open it or confirm "create anyway".
	 */
	public DonorView registerUnlessSimilar(DonorDetails details, boolean similarConfirmed) {
		if (!similarConfirmed && details.name() != null) {
			var typed = comparableName(details.name());
			for (var row : donors.currentNames()) {
				if (!typed.isEmpty() && typed.equals(comparableName((String) row[1]))) {
					throw BusinessRuleViolation.ofField("createAnyway", "donor.similarName", row[1], row[0]);
				}
			}
		}
		return register(details);
	}

	/** A name as duplicates are recognised: lower case, no accents, letters and digits separated by single spaces. */
	static String comparableName(String name) {
		return org.tafund.shared.Text.comparable(name).replaceAll("[^\\p{L}\\p{N}]+", " ").strip();
	}

	/**
	 * Merges {@code duplicateId} into {@code keptId} (ADMIN): the duplicate's agreements and pledges
	 * move to the kept donor (listeners of {@link DonorsMerged}, in this transaction), its contacts
	 * join the kept donor's, and it stays, inactive, naming the donor it was merged into and why.
	 * Both donors' histories record the change, with who made it.
	 */
	public DonorView merge(long keptId, long duplicateId, String reason) {
		// Locked in id order: two administrators merging the same donors one way and the other wait
		// for each other, and the second finds the first's merge and is refused.
		var first = donors.lockById(Math.min(keptId, duplicateId)).orElseThrow(() -> new DonorNotFound(Math.min(keptId, duplicateId)));
		var second = keptId == duplicateId ? first
				: donors.lockById(Math.max(keptId, duplicateId)).orElseThrow(() -> new DonorNotFound(Math.max(keptId, duplicateId)));
		var kept = first.getId() == keptId ? first : second;
		var duplicate = first.getId() == duplicateId ? first : second;
		duplicate.mergeInto(kept, reason);
		// Donors merged earlier into the duplicate now point to the donor kept: one hop, always.
		for (var earlier : donors.findByMergedInto(duplicate)) {
			earlier.repoint(kept);
		}
		donors.flush();
		events.publishEvent(new DonorsMerged(duplicateId, keptId, reason.strip()));
		return kept.view();
	}

	/**
	 * A donor that new contributions may name: one merged into another is refused, naming the donor
	 * kept, so that nothing new lands on a duplicate nobody sees.
	 */
	@Transactional(readOnly = true)
	public DonorView current(long id) {
		var donor = load(id);
		var view = donor.view();
		if (view.mergedInto() != null) {
			throw new BusinessRuleViolation("donor.mergedInto", view.name(), load(view.mergedInto()).getName());
		}
		return view;
	}

	/** A Member State is one donor: a second active one for the same country is refused, naming the first. */
	private void checkMemberState(DonorDetails details, Long id) {
		if (details.type() != DonorType.MEMBER_STATE || !details.active() || details.country() == null
				|| details.country().isBlank()) {
			return;
		}
		var code = details.country().strip().toUpperCase(Locale.ROOT);
		var existing = donors.memberStatesOf(code, id);
		if (!existing.isEmpty()) {
			throw BusinessRuleViolation.ofField("country", "donor.memberState.exists", countries.nameOf(code),
					existing.get(0).getName());
		}
	}

	public DonorView update(long id, long expectedVersion, DonorDetails details) {
		var donor = load(id);
		if (donor.getVersion() != expectedVersion) {
			throw new ConcurrentEdit("donor", id);
		}
		checkCodes(details);
		checkMemberState(details, id);
		donor.apply(details);
		try {
			donors.flush();
		}
		catch (OptimisticLockingFailureException e) {
			throw new ConcurrentEdit("donor", id);
		}
		return donor.view();
	}

	/**
	 * A donor's type alone: what every journal entry of its contributions carries, read without
	 * loading the donor and its contacts.
	 */
	@Transactional(readOnly = true)
	public DonorType typeOf(long id) {
		return donors.typeOf(id).orElseThrow(() -> new DonorNotFound(id));
	}

	/** Refuses details that {@link #register} would refuse, storing nothing (a spreadsheet's dry run). */
	@Transactional(readOnly = true)
	public void check(DonorDetails details) {
		checkCodes(details);
		checkMemberState(details, null);
		new Donor(details);
	}

	/** The ids of the donors whose name holds {@code text}, whatever its case: what a list searches by donor. */
	@Transactional(readOnly = true)
	public List<Long> idsNamed(String text) {
		return donors.idsNamedLike(org.tafund.shared.Text.containing(text));
	}

	/** Every donor as id, name and type: what a spreadsheet's rows are matched on, in one query. */
	@Transactional(readOnly = true)
	public List<DonorKey> keys() {
		return donors.keys().stream().map(row -> new DonorKey((Long) row[0], (String) row[1], (DonorType) row[2])).toList();
	}

	/** A donor as a spreadsheet names it. */
	public record DonorKey(long id, String name, DonorType type) {
	}

	@Transactional(readOnly = true)
	public DonorView get(long id) {
		return load(id).view();
	}

	@Transactional(readOnly = true)
	public Page<DonorView> search(DonorSearch search, Pageable pageable) {
		return donors.findAll(specification(search), pageable).map(Donor::view);
	}

	/** The names of the donors {@code ids}, by id, in one query (for lists that name many donors). */
	@Transactional(readOnly = true)
	public java.util.Map<Long, String> names(java.util.Collection<Long> ids) {
		var names = new java.util.HashMap<Long, String>();
		if (!ids.isEmpty()) {
			donors.namesOf(List.copyOf(ids)).forEach(row -> names.put((Long) row[0], (String) row[1]));
		}
		return names;
	}

	@Transactional(readOnly = true)
	public List<DonorView> all() {
		// A donor merged into another is that other donor now: pickers and name maps leave it out.
		return donors.findAll(org.springframework.data.domain.Sort.by("name")).stream().map(Donor::view)
			.filter(d -> d.mergedInto() == null).toList();
	}

	private void checkCodes(DonorDetails details) {
		if (details.country() != null && !details.country().isBlank() && !countries.exists(details.country())) {
			throw BusinessRuleViolation.ofField("country", "donor.country.unknown", details.country());
		}
		if (details.iatiOrgType() != null && !details.iatiOrgType().isBlank()
				&& !IATI_ORGANISATION_TYPES.contains(details.iatiOrgType().strip())) {
			throw BusinessRuleViolation.ofField("iatiOrgType", "donor.iatiOrgType.unknown", details.iatiOrgType());
		}
	}

	private Donor load(long id) {
		return donors.findById(id).orElseThrow(() -> new DonorNotFound(id));
	}

	private static Specification<Donor> specification(DonorSearch search) {
		return (root, query, cb) -> {
			var predicates = new ArrayList<Predicate>();
			if (search.name() != null && !search.name().isBlank()) {
				predicates.add(cb.like(cb.lower(root.get("name")),
						org.tafund.shared.Text.containing(search.name())));
			}
			if (search.type() != null) {
				predicates.add(cb.equal(root.get("type"), search.type()));
			}
			if (search.country() != null && !search.country().isBlank()) {
				predicates.add(cb.equal(root.get("country"), search.country().strip().toUpperCase(Locale.ROOT)));
			}
			if (search.active() != null) {
				predicates.add(cb.equal(root.get("active"), search.active()));
			}
			return cb.and(predicates.toArray(Predicate[]::new));
		};
	}

}
