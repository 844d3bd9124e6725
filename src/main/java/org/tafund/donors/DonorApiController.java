package org.tafund.donors;

import java.net.URI;
import java.util.List;

import jakarta.validation.Valid;

import org.springframework.data.domain.Sort;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.tafund.shared.ETags;
import org.tafund.shared.Paging;
import org.springframework.web.server.ResponseStatusException;

/**
 * Donors over JSON. A read carries the record's version as its {@code ETag}; a {@code PUT} must
 * send it back in {@code If-Match} and gets 412 when somebody saved in between.
 */
@RestController
@RequestMapping("/api/v1/donors")
class DonorApiController {

	private final DonorManagement donors;

	DonorApiController(DonorManagement donors) {
		this.donors = donors;
	}

	@GetMapping
	List<DonorView> list(@RequestParam(required = false) String q, @RequestParam(required = false) DonorType type,
			@RequestParam(required = false) String country, @RequestParam(defaultValue = "0") int page,
			@RequestParam(defaultValue = "100") int size) {
		var pageable = Paging.page(page, size, Sort.by("name", "id"));
		return donors.search(new DonorSearch(q, type, country, null), pageable).getContent();
	}

	@GetMapping("/{id}")
	ResponseEntity<DonorView> show(@PathVariable long id) {
		var donor = donors.get(id);
		return ResponseEntity.ok().eTag(etag(donor)).body(donor);
	}

	@PostMapping
	ResponseEntity<DonorView> create(@Valid @RequestBody DonorForm form) {
		// "createAnyway": true in the body registers a donor whose name reads as an existing one's.
		var donor = donors.registerUnlessSimilar(form.toDetails(), form.similarConfirmed());
		return ResponseEntity.created(URI.create("/api/v1/donors/" + donor.id())).eTag(etag(donor)).body(donor);
	}

	@PutMapping("/{id}")
	ResponseEntity<DonorView> update(@PathVariable long id,
			@RequestHeader(name = "If-Match", required = false) String ifMatch, @Valid @RequestBody DonorForm form) {
		var expected = ETags.expectedVersion(ifMatch);
		if (expected != donors.get(id).version()) {
			throw new ResponseStatusException(HttpStatus.PRECONDITION_FAILED,
					"The donor was changed after your read: read it again and reapply your change.");
		}
		var donor = donors.update(id, expected, form.toDetails());
		return ResponseEntity.ok().eTag(etag(donor)).body(donor);
	}

	static String etag(DonorView donor) {
		return ETags.of(donor.version());
	}

}
