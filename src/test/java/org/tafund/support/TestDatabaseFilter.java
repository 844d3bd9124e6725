package org.tafund.support;

import java.util.Arrays;
import java.util.Optional;

import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.platform.commons.support.AnnotationSupport;
import org.junit.platform.engine.FilterResult;
import org.junit.platform.engine.TestDescriptor;
import org.junit.platform.engine.support.descriptor.ClassSource;
import org.junit.platform.engine.support.descriptor.MethodSource;
import org.junit.platform.launcher.PostDiscoveryFilter;

/**
 * Looks for the {@link TestDatabase} as soon as a test class that needs it is discovered, so that
 * the first line of the test output names the database and nothing else has run yet. When there is
 * none, it ends the run there: every test is filtered out but those of the first class that needs
 * the database, which fails with the one sentence ({@link RequiresTestDatabase}) before Spring
 * starts. A run without such a class (unit tests alone) looks for no database. Registered in
 * {@code META-INF/services}, so Maven and IDEs use it alike.
 */
public class TestDatabaseFilter implements PostDiscoveryFilter {

	/** The one class left to report the missing database. */
	private static Class<?> reporter;

	@Override
	public FilterResult apply(TestDescriptor descriptor) {
		if (descriptor.isRoot()) {
			if (containsTestNeedingDatabase(descriptor)) {
				TestDatabase.available();
			}
			return FilterResult.included("an engine");
		}
		if (!TestDatabase.missing()) {
			return FilterResult.included("no database needed, or one available");
		}
		return reports(testClass(descriptor)) ? FilterResult.included("reports the missing test database")
				: FilterResult.excluded("no test database: the run stops");
	}

	private static boolean containsTestNeedingDatabase(TestDescriptor root) {
		var found = new boolean[1];
		root.accept(descriptor -> {
			if (!found[0] && descriptor.getSource().orElse(null) instanceof ClassSource source) {
				found[0] = needsDatabase(source.getJavaClass());
			}
		});
		return found[0];
	}

	private static synchronized boolean reports(Class<?> testClass) {
		if (reporter == null && testClass != null && needsDatabase(testClass)) {
			reporter = testClass;
		}
		return testClass != null && testClass == reporter;
	}

	private static Class<?> testClass(TestDescriptor descriptor) {
		for (Optional<TestDescriptor> d = Optional.of(descriptor); d.isPresent(); d = d.get().getParent()) {
			var source = d.get().getSource().orElse(null);
			if (source instanceof ClassSource classSource) {
				return classSource.getJavaClass();
			}
			if (source instanceof MethodSource methodSource) {
				return methodSource.getJavaClass();
			}
		}
		return null;
	}

	/** Extended with {@link RequiresTestDatabase}, directly, through {@code @IntegrationTest}, or by a superclass. */
	static boolean needsDatabase(Class<?> testClass) {
		for (var type = testClass; type != null && type != Object.class; type = type.getSuperclass()) {
			if (AnnotationSupport.findRepeatableAnnotations(type, ExtendWith.class)
				.stream()
				.anyMatch(extendWith -> Arrays.asList(extendWith.value()).contains(RequiresTestDatabase.class))) {
				return true;
			}
		}
		return false;
	}

}
