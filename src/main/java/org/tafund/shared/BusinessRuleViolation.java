package org.tafund.shared;

import java.util.Arrays;

import org.springframework.context.MessageSourceResolvable;
import org.springframework.validation.BindingResult;

/**
 * A request that is well formed but breaks a rule of the domain. It carries a message key (with
 * arguments) so that a page can show it next to the form and the API can return it as a 422
 * problem; nothing is stored when it is thrown. A refusal about one value of a form names its
 * {@link #field()}, so that the page shows it beside that field.
 */
public class BusinessRuleViolation extends RuntimeException implements MessageSourceResolvable {

	private final String messageKey;

	private final Object[] arguments;

	private final String field;

	public BusinessRuleViolation(String messageKey, Object... arguments) {
		this(null, messageKey, arguments);
	}

	private BusinessRuleViolation(String field, String messageKey, Object[] arguments) {
		super(messageKey + Arrays.toString(arguments));
		this.messageKey = messageKey;
		this.arguments = arguments.clone();
		this.field = field;
	}

	/** A refusal of the value of one form field, named as the form (and the API) names it. */
	public static BusinessRuleViolation ofField(String field, String messageKey, Object... arguments) {
		return new BusinessRuleViolation(field, messageKey, arguments);
	}

	/** The form field whose value is refused, or null when the refusal concerns the request as a whole. */
	public String field() {
		return field;
	}

	/**
	 * Reports the refusal to a page form: beside its {@link #field()} when the form has that
	 * field, else as a message for the whole form. The form is then shown again as it was typed.
	 */
	public void rejectIn(BindingResult form) {
		var name = field();
		// The form and its errors ride a redirect in the session, which is serialized to the database.
		var arguments = java.util.Arrays.stream(this.arguments)
			.map(argument -> argument == null || argument instanceof java.io.Serializable ? argument : argument.toString())
			.toArray();
		// A form whose binding failed outright has no target to hold a field's refusal: the whole form gets it.
		if (name != null && form.getTarget() != null && form.getFieldType(name) != null) {
			form.rejectValue(name, messageKey, arguments, null);
		}
		else {
			form.reject(messageKey, arguments, null);
		}
	}

	public String messageKey() {
		return messageKey;
	}

	public Object[] arguments() {
		return arguments.clone();
	}

	@Override
	public String[] getCodes() {
		return new String[] { messageKey };
	}

	@Override
	public Object[] getArguments() {
		return arguments();
	}

	@Override
	public String getDefaultMessage() {
		return messageKey;
	}

}
