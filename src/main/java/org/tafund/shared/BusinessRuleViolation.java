package org.tafund.shared;

import java.util.Arrays;

import org.springframework.context.MessageSourceResolvable;

/**
 * A request that is well formed but breaks a rule of the domain. It carries a message key (with
 * arguments) so that a page can show it next to the form and the API can return it as a 422
 * problem; nothing is stored when it is thrown.
 */
public class BusinessRuleViolation extends RuntimeException implements MessageSourceResolvable {

	private final String messageKey;

	private final Object[] arguments;

	public BusinessRuleViolation(String messageKey, Object... arguments) {
		super(messageKey + Arrays.toString(arguments));
		this.messageKey = messageKey;
		this.arguments = arguments.clone();
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
