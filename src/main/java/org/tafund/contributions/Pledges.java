package org.tafund.contributions;

import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;

interface Pledges extends JpaRepository<Pledge, Long> {

	List<Pledge> findByDonorIdOrderByPledgedOnDescIdDesc(Long donorId);

	List<Pledge> findAllByOrderByPledgedOnDescIdDesc();

	List<Pledge> findByDonorIdIn(java.util.Collection<Long> donorIds);

}
