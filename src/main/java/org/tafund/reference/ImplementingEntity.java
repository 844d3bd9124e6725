package org.tafund.reference;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import org.tafund.shared.AuditableEntity;
import org.tafund.shared.Text;

/** A UNODC office or programme network institute that implements projects. */
@Entity
@Table(name = "implementing_entity")
class ImplementingEntity extends AuditableEntity {

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;

	@Column(nullable = false, length = 30)
	private String code;

	@Column(nullable = false, length = 200)
	private String name;

	@Column(nullable = false, length = 20)
	private String kind;

	private boolean active;

	protected ImplementingEntity() {
	}

	ImplementingEntity(String code, String name, String kind) {
		this.code = Text.bounded(code, 30, "code");
		this.name = Text.bounded(name, 200, "name");
		this.kind = kind;
		this.active = true;
	}

	void setActive(boolean active) {
		this.active = active;
	}

	ReferenceCatalogue.Entity view() {
		return new ReferenceCatalogue.Entity(id, code, name, kind, active);
	}

}
