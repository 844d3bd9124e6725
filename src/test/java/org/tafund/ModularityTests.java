package org.tafund;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModule;
import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.docs.Documenter;

/**
 * The module boundaries (no module reaches into another's internals, no cycles), the module
 * diagrams in {@code docs/modules} (written by every run, so they follow the code), and
 * {@code docs/architecture.md}, which must describe every module.
 */
class ModularityTests {

	static final ApplicationModules MODULES = ApplicationModules.of(TafundApplication.class);

	@Test
	void verifiesModularStructure() {
		MODULES.verify();
	}

	@Test
	void writesTheModuleDiagramsIntoDocs() {
		new Documenter(MODULES, Documenter.Options.defaults().withOutputFolder("docs/modules"))
			.writeModulesAsPlantUml()
			.writeIndividualModulesAsPlantUml()
			.writeModuleCanvases();
		assertThat(Path.of("docs/modules/components.puml")).exists();
		MODULES.stream()
			.map(ApplicationModule::getIdentifier)
			.forEach(id -> assertThat(Path.of("docs/modules/module-" + id + ".puml")).exists());
	}

	@Test
	void theArchitectureDocumentDescribesEveryModule() throws IOException {
		var document = Files.readString(Path.of("docs/architecture.md"));
		MODULES.stream()
			.map(module -> module.getIdentifier().toString())
			.forEach(id -> assertThat(document).as("docs/architecture.md has a row for module " + id)
				.contains("| `" + id + "` |"));
	}

}
