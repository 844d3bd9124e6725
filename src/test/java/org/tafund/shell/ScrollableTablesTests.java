package org.tafund.shell;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/**
 * A table too wide for the window scrolls inside its {@code .table-responsive} box; a keyboard user
 * can only scroll it if the box takes focus (axe-core's scrollable-region-focusable, WCAG 2.1.1). Whether
 * a table overflows depends on the data and the language (the journal in French overflowed on CI),
 * so every such box is focusable, whatever it holds today.
 */
class ScrollableTablesTests {

	private static final Pattern BOX = Pattern.compile("<div[^>]*class=\"[^\"]*\\btable-responsive\\b[^\"]*\"[^>]*>");

	@Test
	void everyScrollingTableBoxTakesKeyboardFocus() throws IOException {
		var boxes = 0;
		var unreachable = new ArrayList<String>();
		try (Stream<Path> files = Files.walk(Path.of("src/main/resources/templates"))) {
			for (var file : files.filter(f -> f.toString().endsWith(".html")).toList()) {
				var matcher = BOX.matcher(Files.readString(file));
				while (matcher.find()) {
					boxes++;
					if (!matcher.group().contains("tabindex=\"0\"")) {
						unreachable.add(file + ": " + matcher.group());
					}
				}
			}
		}
		assertThat(boxes).as("table boxes found").isGreaterThanOrEqualTo(30);
		assertThat(unreachable).isEmpty();
	}

}
