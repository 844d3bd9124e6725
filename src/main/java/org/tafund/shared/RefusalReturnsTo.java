package org.tafund.shared;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The page a page form's POST goes back to when a {@link BusinessRuleViolation} refuses it: the
 * page advice redirects there (Post/Redirect/Get) with the form as typed and the refusal beside
 * its field, or above the form. The value is a URI template over the handler's path variables
 * and request parameters, for example {@code "/projects/{id}#expenditure-form"}.
 */
@Target(ElementType.METHOD)
@Retention(RetentionPolicy.RUNTIME)
@Documented
public @interface RefusalReturnsTo {

	String value();

	/**
	 * For a handler without a form: the name under which the page finds the refusal, so that it
	 * shows it in the section it concerns; by default {@code problem}, shown above the page.
	 */
	String problem() default "problem";

}
