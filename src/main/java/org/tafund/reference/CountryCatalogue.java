package org.tafund.reference;

import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Countries by ISO 3166 alpha-3 code, named in the reader's language. */
@Service
@Transactional(readOnly = true)
public class CountryCatalogue {

	private final Countries countries;

	CountryCatalogue(Countries countries) {
		this.countries = countries;
	}

	public List<CountryView> all(Locale locale) {
		return countries.findAll()
			.stream()
			.map(c -> c.view(locale))
			.sorted(Comparator.comparing(CountryView::name))
			.toList();
	}

	public Optional<CountryView> find(String code, Locale locale) {
		return code == null ? Optional.empty() : countries.findById(code.strip().toUpperCase(Locale.ROOT)).map(c -> c.view(locale));
	}

	/** Classifications change (a country graduates): ADMIN records the new one, audited. */
	@Transactional
	public void classify(String code, Classification classification) {
		countries.findById(code.strip().toUpperCase(Locale.ROOT))
			.orElseThrow(() -> new org.tafund.shared.BusinessRuleViolation("donor.country.unknown", code))
			.classify(classification);
	}

	/**
	 * A country's name in the reader's language, for pages that hold only its code; the code if unknown.
	 * Lists call this once per row, so the names are read once: they come with the reference data's
	 * migrations and nothing in the application renames a country (ADMIN changes only classifications).
	 * No transaction of its own: one per row cost three round trips to the database per row.
	 */
	@Transactional(propagation = org.springframework.transaction.annotation.Propagation.SUPPORTS)
	public String nameOf(String code) {
		if (code == null) {
			return "";
		}
		var all = names;
		if (all == null) {
			var read = new java.util.HashMap<String, Country>();
			countries.findAll().forEach(c -> read.put(c.view(Locale.ENGLISH).code(), c));
			all = java.util.Map.copyOf(read);
			names = all;
		}
		var country = all.get(code.strip().toUpperCase(Locale.ROOT));
		return country == null ? code
				: country.view(org.springframework.context.i18n.LocaleContextHolder.getLocale()).name();
	}

	private volatile java.util.Map<String, Country> names;

	/** A region's name in the reader's language (see {@link Regions}), for pages that hold its M49 name. */
	@Transactional(propagation = org.springframework.transaction.annotation.Propagation.SUPPORTS)
	public String regionName(String m49Name) {
		return Regions.name(m49Name, org.springframework.context.i18n.LocaleContextHolder.getLocale());
	}

	public boolean exists(String code) {
		return code != null && countries.existsById(code.strip().toUpperCase(Locale.ROOT));
	}

	/** True when some country lies in this region, sub-region or intermediate region (M49 names). */
	@Transactional(readOnly = true)
	public boolean isRegion(String name) {
		return name != null && all(Locale.ENGLISH).stream().anyMatch(c -> c.isIn(name.strip()));
	}

}
