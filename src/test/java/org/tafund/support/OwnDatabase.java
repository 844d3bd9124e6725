package org.tafund.support;

import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.test.annotation.DirtiesContext;

/**
 * An {@link IntegrationTest} whose application runs on a database of its own, created empty and
 * migrated for this class, and dropped when the class ends. For tests whose subject is global:
 * revaluation of every open receivable, period close, reports over a whole period. Every other
 * test shares one database with the rest of the suite and asserts only on what it created.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Inherited
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
public @interface OwnDatabase {

}
