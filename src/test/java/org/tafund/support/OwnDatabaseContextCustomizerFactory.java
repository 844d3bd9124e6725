package org.tafund.support;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.annotation.MergedAnnotations;
import org.springframework.core.env.MapPropertySource;
import org.springframework.test.context.ContextConfigurationAttributes;
import org.springframework.test.context.ContextCustomizer;
import org.springframework.test.context.ContextCustomizerFactory;
import org.springframework.test.context.MergedContextConfiguration;

/**
 * Gives each {@link OwnDatabase} class a context of its own (the customizer is part of the
 * context's cache key, and differs per class) whose {@code tafund.test.database} names a database
 * nobody else uses. {@link TestDatabaseConfiguration} creates it and drops it again.
 */
class OwnDatabaseContextCustomizerFactory implements ContextCustomizerFactory {

	static final String PROPERTY = "tafund.test.database";

	@Override
	public ContextCustomizer createContextCustomizer(Class<?> testClass,
			List<ContextConfigurationAttributes> configAttributes) {
		if (!MergedAnnotations.from(testClass, MergedAnnotations.SearchStrategy.TYPE_HIERARCHY)
			.isPresent(OwnDatabase.class)) {
			return null;
		}
		return new Customizer(testClass.getName());
	}

	private record Customizer(String testClass) implements ContextCustomizer {

		@Override
		public void customizeContext(ConfigurableApplicationContext context, MergedContextConfiguration config) {
			var simple = testClass.substring(testClass.lastIndexOf('.') + 1).toLowerCase(java.util.Locale.ROOT);
			var name = "tafund_own_" + simple.substring(0, Math.min(simple.length(), 30)) + "_"
					+ UUID.randomUUID().toString().substring(0, 8);
			context.getEnvironment()
				.getPropertySources()
				.addFirst(new MapPropertySource("ownDatabase", Map.of(PROPERTY, name)));
		}

		@Override
		public boolean equals(Object other) {
			return other instanceof Customizer c && Objects.equals(c.testClass, testClass);
		}

		@Override
		public int hashCode() {
			return testClass.hashCode();
		}

	}

}
