package org.tafund.support;

import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/** Fails the test class with one sentence, before Spring starts, when there is no test database. */
public class RequiresTestDatabase implements BeforeAllCallback {

	@Override
	public void beforeAll(ExtensionContext context) {
		TestDatabase.get();
	}

}
