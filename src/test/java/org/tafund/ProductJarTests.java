package org.tafund;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

import org.junit.jupiter.api.Test;

/**
 * What {@code ./mvnw package} builds: the product jar holds the application and none of the volume
 * data generator, which is packaged on its own for the benchmarks. Run by failsafe after package,
 * on the jars of that build ({@code tafund.productJar}, {@code tafund.volumeJar}).
 */
class ProductJarTests {

	@Test
	void theProductJarHoldsTheApplicationAndNoVolumeGeneratorClass() throws IOException {
		var entries = entries("tafund.productJar");
		assertThat(entries).contains("BOOT-INF/classes/org/tafund/TafundApplication.class");
		// Classes, not directories: a build over an older target/ may keep an empty folder of the old layout.
		assertThat(entries).noneMatch(name -> name.contains("org/tafund/volume/") && name.endsWith(".class"));
	}

	@Test
	void theVolumeJarHoldsTheGeneratorAndNoTest() throws IOException {
		var entries = entries("tafund.volumeJar");
		assertThat(entries).contains("org/tafund/volume/VolumeData.class", "org/tafund/volume/Generator.class");
		var classes = entries.stream().filter(name -> name.endsWith(".class")).toList();
		assertThat(classes).allMatch(name -> name.startsWith("org/tafund/volume/"));
		assertThat(classes).noneMatch(name -> name.matches(".*Tests(\\$.*)?\\.class"));
	}

	private static List<String> entries(String property) throws IOException {
		var jar = System.getProperty(property);
		assertThat(jar).as("system property " + property + " (set by the build)").isNotBlank();
		try (var zip = new ZipFile(Path.of(jar).toFile())) {
			return zip.stream().map(ZipEntry::getName).toList();
		}
	}

}
