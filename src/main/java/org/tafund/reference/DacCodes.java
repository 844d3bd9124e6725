package org.tafund.reference;

import org.springframework.data.jpa.repository.JpaRepository;

interface DacCodes extends JpaRepository<DacCode, String> {
}
