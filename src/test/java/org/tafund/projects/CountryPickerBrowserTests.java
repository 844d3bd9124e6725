package org.tafund.projects;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.tafund.support.BrowserTest;

/**
 * Countries are picked by name or region, not by code: in Chromium, the beneficiary countries of a
 * new project are searched as a person types, in English and in French, and a country already
 * chosen stays in the list while searching.
 */
class CountryPickerBrowserTests extends BrowserTest {

	@Test
	void countriesAreFoundByAnyPartOfTheirNameOrByTheirRegion() {
		signIn("project.manager", "tafund-demo-2026");
		open("/projects/new");
		var wait = new WebDriverWait(browser, Duration.ofSeconds(10));
		var search = wait.until(d -> d.findElement(By.id("countries-search")));
		var select = browser.findElement(By.id("countries"));

		search.sendKeys("cote d");
		assertThat(shown(select)).containsExactly("Côte d'Ivoire");

		// Chosen, it stays shown whatever is searched next.
		((org.openqa.selenium.JavascriptExecutor) browser).executeScript(
				"Array.from(arguments[0].options).find(o => o.value === 'CIV').selected = true;", select);
		search.clear();
		search.sendKeys("western africa");
		var western = shown(select);
		assertThat(western).contains("Senegal", "Ghana", "Côte d'Ivoire").doesNotContain("Norway", "Kenya");

		open("/projects/new?lang=fr");
		var recherche = wait.until(d -> d.findElement(By.id("countries-search")));
		assertThat(recherche.getAttribute("placeholder")).isEqualTo("Rechercher un pays");
		recherche.sendKeys("afrique occidentale");
		assertThat(shown(browser.findElement(By.id("countries")))).contains("Sénégal").doesNotContain("Norvège");
	}

	private List<String> shown(WebElement select) {
		return select.findElements(By.tagName("option"))
			.stream()
			.filter(o -> o.getAttribute("hidden") == null)
			.map(o -> o.getAttribute("textContent").strip())
			.toList();
	}

}
