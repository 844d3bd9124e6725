package org.tafund.donors;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.JpaSpecificationExecutor;

interface Donors extends JpaRepository<Donor, Long>, JpaSpecificationExecutor<Donor> {
}
