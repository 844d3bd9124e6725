package org.tafund.audit;

import java.time.Instant;
import java.util.HashSet;
import java.util.Set;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.Table;

import org.hibernate.envers.ModifiedEntityNames;
import org.hibernate.envers.RevisionEntity;
import org.hibernate.envers.RevisionNumber;
import org.hibernate.envers.RevisionTimestamp;

/**
 * One Envers revision: a transaction that changed audited records, who made it and when, and
 * which kinds of record it touched.
 */
@Entity
@Table(name = "revision")
@RevisionEntity(RevisionUsernameListener.class)
class Revision {

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	@RevisionNumber
	private long id;

	@RevisionTimestamp
	@Column(name = "revtstmp", nullable = false)
	private long timestamp;

	@Column(nullable = false, length = 60)
	private String username;

	@ElementCollection(fetch = FetchType.LAZY)
	@CollectionTable(name = "revision_entity", joinColumns = @JoinColumn(name = "revision_id"))
	@Column(name = "entity_name", length = 200)
	@ModifiedEntityNames
	private Set<String> entityNames = new HashSet<>();

	long getId() {
		return id;
	}

	Instant getInstant() {
		return Instant.ofEpochMilli(timestamp);
	}

	String getUsername() {
		return username;
	}

	void setUsername(String username) {
		this.username = username;
	}

	Set<String> getEntityNames() {
		return entityNames;
	}

}
