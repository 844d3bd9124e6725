package org.tafund.shell;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.web.servlet.resource.ResourceUrlProvider;
import org.tafund.support.IntegrationTest;

/**
 * The static files are served under their own folders, webjars without their version, and a link
 * to a page is not looked for among them: each such lookup asked the class path in four places.
 */
@IntegrationTest
class StaticResourcesTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	ResourceUrlProvider resources;

	@Test
	void everyFileTheLayoutLinksIsServed() throws Exception {
		var layout = Files.readString(Path.of("src/main/resources/templates/layout.html"));
		var links = Pattern.compile("@\\{(/(?:webjars|css|js|img)/[^}]+)}").matcher(layout);
		int found = 0;
		while (links.find()) {
			mvc.perform(get(links.group(1))).andExpect(status().isOk());
			found++;
		}
		assertThat(found).as("files linked by the layout").isGreaterThanOrEqualTo(5);
		mvc.perform(get("/css/nothing-here.css")).andExpect(status().isNotFound());
	}

	@Test
	void everyStaticFolderHasItsHandlerAndNoPageIsTakenForAFile() throws Exception {
		try (var folders = Files.list(Path.of("src/main/resources/static"))) {
			assertThat(folders.filter(Files::isDirectory).map(f -> f.getFileName().toString()).sorted().toList())
				.isEqualTo(WebConfiguration.STATIC_FOLDERS);
		}
		try (var files = Files.list(Path.of("src/main/resources/static"))) {
			assertThat(files.filter(Files::isRegularFile).toList()).as("files at the root would not be served").isEmpty();
		}
		// Only the static paths are resources: a page's link is left as it is without a look at the class path.
		assertThat(resources.getHandlerMap().keySet()).contains("/webjars/**", "/css/**", "/img/**", "/js/**")
			.doesNotContain("/**");
		mvc.perform(get("/swagger-ui/index.html").with(user("a").roles("ADMIN"))).andExpect(status().isOk());
		assertThat(resources.getForLookupPath("/contributions/agreements/42")).isNull();
		assertThat(resources.getForLookupPath("/css/app.css")).isEqualTo("/css/app.css");
	}

}
