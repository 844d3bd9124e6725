package org.tafund.publishing;

import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;

interface Exclusions extends JpaRepository<PublicationExclusion, Long> {

	List<PublicationExclusion> findAllByOrderByProjectIdAscFieldAsc();

	boolean existsByProjectIdAndField(Long projectId, Withheld field);

}
