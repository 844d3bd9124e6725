package org.tafund.donors;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.JpaSpecificationExecutor;

interface Donors extends JpaRepository<Donor, Long>, JpaSpecificationExecutor<Donor> {

	@org.springframework.data.jpa.repository.Query("select d.type from Donor d where d.id = :id")
	java.util.Optional<DonorType> typeOf(Long id);

	/** [id, name] of each donor among {@code ids}, in one query. */
	@org.springframework.data.jpa.repository.Query("select d.id, d.name from Donor d where d.id in :ids")
	java.util.List<Object[]> namesOf(java.util.Collection<Long> ids);

	/** The ids of the donors whose name matches the pattern (lower-case; MySQL, MariaDB and H2 escape with a backslash). */
	@org.springframework.data.jpa.repository.Query("select d.id from Donor d where lower(d.name) like :pattern")
	java.util.List<Long> idsNamedLike(String pattern);

	/**
	 * [id, name, type] of every donor; a donor merged into another answers with the kept donor's id
	 * and type under its own name, so that a file naming the duplicate reaches the donor kept.
	 */
	@org.springframework.data.jpa.repository.Query("""
			select coalesce(m.id, d.id), d.name, coalesce(m.type, d.type) from Donor d left join d.mergedInto m""")
	java.util.List<Object[]> keys();

	/** A donor locked for the rest of the transaction: two merges of the same donors wait for each other. */
	@org.springframework.data.jpa.repository.Lock(jakarta.persistence.LockModeType.PESSIMISTIC_WRITE)
	@org.springframework.data.jpa.repository.Query("select d from Donor d where d.id = :id")
	java.util.Optional<Donor> lockById(Long id);

	/** The donors merged earlier into {@code donor}. */
	java.util.List<Donor> findByMergedInto(Donor donor);


	/** The active Member States of a country other than {@code id} (none expected but on a race). */
	@org.springframework.data.jpa.repository.Query("""
			select d from Donor d where d.type = org.tafund.donors.DonorType.MEMBER_STATE and d.country = :country
			   and d.active = true and d.mergedInto is null and (:id is null or d.id <> :id)""")
	java.util.List<Donor> memberStatesOf(String country, Long id);

	/** [id, name] of every donor not merged into another. */
	@org.springframework.data.jpa.repository.Query("select d.id, d.name from Donor d where d.mergedInto is null")
	java.util.List<Object[]> currentNames();

}
