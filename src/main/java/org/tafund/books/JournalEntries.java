package org.tafund.books;

import java.util.Optional;

import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.Repository;

/** Posted entries, for reading: no save, no delete (the journal is append-only). */
interface JournalEntries extends Repository<JournalEntry, Long> {

	@Query("select distinct e from JournalEntry e left join fetch e.lines where e.id = :id")
	Optional<JournalEntry> findWithLines(long id);

	@Query("select distinct e from JournalEntry e left join fetch e.lines where e.sourceType = :type and e.sourceId = :sourceId")
	Optional<JournalEntry> findBySource(SourceType type, long sourceId);

}
