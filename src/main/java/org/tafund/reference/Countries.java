package org.tafund.reference;

import org.springframework.data.jpa.repository.JpaRepository;

interface Countries extends JpaRepository<Country, String> {
}
