package org.tafund.reference;

import java.util.List;
import java.util.Optional;

import org.springframework.data.domain.Sort;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** DAC purpose codes and implementing entities (UNODC offices and PNI institutes). */
@Service
@Transactional(readOnly = true)
public class ReferenceCatalogue {

	public record DacPurpose(String code, String name) {
	}

	public record Entity(Long id, String code, String name, String kind, boolean active) {
	}

	private final DacCodes dacCodes;

	private final Entities entities;

	ReferenceCatalogue(DacCodes dacCodes, Entities entities) {
		this.dacCodes = dacCodes;
		this.entities = entities;
	}

	public List<DacPurpose> dacCodes() {
		return dacCodes.findAll(Sort.by("code")).stream().map(d -> new DacPurpose(d.getCode(), d.getName())).toList();
	}

	public boolean dacCodeExists(String code) {
		return code != null && dacCodes.existsById(code);
	}

	public List<Entity> implementingEntities() {
		return entities.findAll(Sort.by("kind", "code")).stream().map(ImplementingEntity::view).toList();
	}

	static final java.util.Set<String> ENTITY_KINDS = java.util.Set.of("PNI_INSTITUTE", "UNODC_OFFICE");

	/** ADMIN adds an office or institute; codes are unique. */
	@Transactional
	public Entity addImplementingEntity(String code, String name, String kind) {
		if (code == null || code.isBlank() || name == null || name.isBlank() || !ENTITY_KINDS.contains(kind)) {
			throw new org.tafund.shared.BusinessRuleViolation("entity.incomplete");
		}
		var normalised = code.strip().toUpperCase(java.util.Locale.ROOT);
		if (implementingEntity(normalised).isPresent()) {
			throw org.tafund.shared.BusinessRuleViolation.ofField("code", "entity.code.taken", normalised);
		}
		return entities.save(new ImplementingEntity(normalised, name.strip(), kind)).view();
	}

	/** Retired entities stay on their projects but are no longer offered for new ones. */
	@Transactional
	public void setImplementingEntityActive(long id, boolean active) {
		entities.findById(id)
			.orElseThrow(() -> new org.tafund.shared.BusinessRuleViolation("project.entity.unknown", id))
			.setActive(active);
	}

	public Optional<Entity> implementingEntity(String code) {
		return entities.findAll().stream().map(ImplementingEntity::view).filter(e -> e.code().equals(code)).findFirst();
	}

	public Optional<Entity> implementingEntity(long id) {
		return entities.findById(id).map(ImplementingEntity::view);
	}

}
