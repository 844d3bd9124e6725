package org.tafund.support;

import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.TestInstanceFactoryContext;
import org.junit.jupiter.api.extension.TestInstancePreConstructCallback;

/**
 * Fails the test class with one sentence, before Spring starts, when there is no test database:
 * before all its tests, and before its instance is made (Spring starts there for classes with
 * {@code @TestInstance(PER_CLASS)}).
 */
public class RequiresTestDatabase implements BeforeAllCallback, TestInstancePreConstructCallback {

	@Override
	public void beforeAll(ExtensionContext context) {
		TestDatabase.get();
	}

	@Override
	public void preConstructTestInstance(TestInstanceFactoryContext factoryContext, ExtensionContext context) {
		TestDatabase.get();
	}

}
