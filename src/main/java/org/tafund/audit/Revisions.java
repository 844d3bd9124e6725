package org.tafund.audit;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;

interface Revisions extends JpaRepository<Revision, Long> {

	Page<Revision> findAllByOrderByIdDesc(Pageable pageable);

	Page<Revision> findByUsernameOrderByIdDesc(String username, Pageable pageable);

}
