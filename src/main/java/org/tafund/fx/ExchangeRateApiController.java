package org.tafund.fx;

import java.io.StringReader;
import java.net.URI;
import java.util.List;

import jakarta.validation.Valid;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.tafund.shared.Paging;

@RestController
@RequestMapping("/api/v1/exchange-rates")
class ExchangeRateApiController {

	private final ExchangeRateManagement rates;

	ExchangeRateApiController(ExchangeRateManagement rates) {
		this.rates = rates;
	}

	@GetMapping
	List<RateView> list(@RequestParam(required = false) String currency, @RequestParam(defaultValue = "0") int page,
			@RequestParam(defaultValue = "100") int size) {
		return rates.list(currency, Paging.page(page, size)).getContent();
	}

	@PostMapping
	ResponseEntity<Object> create(@Valid @RequestBody RateForm form) {
		var rate = rates.submitRate(form.currency(), form.effectiveDate(), form.unitsPerUsd());
		return rate.isPending() ? ResponseEntity.accepted().body(rate.pending())
				: ResponseEntity.created(URI.create("/api/v1/exchange-rates?currency=" + rate.booked().currency()))
					.body(rate.booked());
	}

	/**
	 * The CSV as the request body; 422 with every rejected row when anything is wrong, and nothing stored;
	 * 202 with the pending record when new rates wait for a second person's approval.
	 */
	@PostMapping(path = "/import", consumes = { "text/csv", "text/plain" })
	ResponseEntity<Object> importCsv(@RequestBody String csv) {
		var submitted = rates.submitImport(new StringReader(csv));
		if (submitted.isPending()) {
			return ResponseEntity.accepted().body(submitted.pending());
		}
		var result = submitted.booked();
		return ResponseEntity.status(result.stored() ? HttpStatus.OK : HttpStatus.UNPROCESSABLE_CONTENT).body(result);
	}

}
