package org.tafund.reference;

import java.util.Locale;
import java.util.Map;

/**
 * UN M49 regions, sub-regions and intermediate regions, stored and filtered by their English M49
 * names (as the UN reference file gives them), shown in the reader's language from the JDK's CLDR
 * territory names. English readers keep the M49 names, which CLDR sometimes shortens ("Latin
 * America" for 419, "Southeast Asia" for 035).
 */
public final class Regions {

	// The M49 code of each name in the reference file: the names are the file's, the codes M49's.
	private static final Map<String, String> CODES = Map.ofEntries(Map.entry("Africa", "002"),
			Map.entry("Americas", "019"), Map.entry("Asia", "142"), Map.entry("Europe", "150"),
			Map.entry("Oceania", "009"), Map.entry("Northern Africa", "015"), Map.entry("Sub-Saharan Africa", "202"),
			Map.entry("Western Africa", "011"), Map.entry("Eastern Africa", "014"), Map.entry("Middle Africa", "017"),
			Map.entry("Southern Africa", "018"), Map.entry("Latin America and the Caribbean", "419"),
			Map.entry("Northern America", "021"), Map.entry("Caribbean", "029"), Map.entry("Central America", "013"),
			Map.entry("South America", "005"), Map.entry("Central Asia", "143"), Map.entry("Eastern Asia", "030"),
			Map.entry("South-eastern Asia", "035"), Map.entry("Southern Asia", "034"), Map.entry("Western Asia", "145"),
			Map.entry("Eastern Europe", "151"), Map.entry("Northern Europe", "154"), Map.entry("Southern Europe", "039"),
			Map.entry("Western Europe", "155"), Map.entry("Australia and New Zealand", "053"),
			Map.entry("Melanesia", "054"), Map.entry("Micronesia", "057"), Map.entry("Polynesia", "061"));

	private Regions() {
	}

	/** A region's name in the reader's language; an unknown name (or English) as it is. */
	public static String name(String m49Name, Locale locale) {
		if (m49Name == null || locale == null || locale.getLanguage().equals("en")) {
			return m49Name;
		}
		var code = CODES.get(m49Name);
		if (code == null) {
			return m49Name;
		}
		var name = new Locale.Builder().setRegion(code).build().getDisplayCountry(locale);
		// CLDR writes some names in lower case for use inside a sentence ("région micronésienne").
		return name.isEmpty() || name.equals(code) ? m49Name
				: Character.toUpperCase(name.charAt(0)) + name.substring(1);
	}

}
