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
	ResponseEntity<RateView> create(@Valid @RequestBody RateForm form) {
		var rate = rates.record(form.currency(), form.effectiveDate(), form.unitsPerUsd());
		return ResponseEntity.created(URI.create("/api/v1/exchange-rates?currency=" + rate.currency())).body(rate);
	}

	/** The CSV as the request body; 422 with every rejected row when anything is wrong, and nothing stored. */
	@PostMapping(path = "/import", consumes = { "text/csv", "text/plain" })
	ResponseEntity<RateImport> importCsv(@RequestBody String csv) {
		var result = rates.importCsv(new StringReader(csv));
		return ResponseEntity.status(result.stored() ? HttpStatus.OK : HttpStatus.UNPROCESSABLE_CONTENT).body(result);
	}

}
