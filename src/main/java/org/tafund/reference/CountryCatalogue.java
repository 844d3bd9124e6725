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

	/** A country's name in the reader's language, for pages that hold only its code; the code if unknown. */
	public String nameOf(String code) {
		return find(code, org.springframework.context.i18n.LocaleContextHolder.getLocale()).map(CountryView::name)
			.orElse(code == null ? "" : code);
	}

	/** A region's name in the reader's language (see {@link Regions}), for pages that hold its M49 name. */
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
