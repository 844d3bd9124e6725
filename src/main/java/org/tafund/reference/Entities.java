package org.tafund.reference;

import org.springframework.data.jpa.repository.JpaRepository;

interface Entities extends JpaRepository<ImplementingEntity, Long> {
}
