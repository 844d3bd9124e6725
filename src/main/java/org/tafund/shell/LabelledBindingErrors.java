package org.tafund.shell;

import org.springframework.beans.PropertyAccessException;
import org.springframework.context.support.DefaultMessageSourceResolvable;
import org.springframework.util.ObjectUtils;
import org.springframework.util.StringUtils;
import org.springframework.validation.BindingResult;
import org.springframework.validation.DefaultBindingErrorProcessor;
import org.springframework.validation.FieldError;

/**
 * A value a form could not even bind ("1,0,0" for an amount) is refused naming the field by its
 * label, as the page shows it, and quoting what was typed: {@code {0}} is the label (the message
 * {@code field.<form>.<field>} or {@code field.<field>}), {@code {1}} the text. Spring's own error
 * names the Java field ("Check the field amount").
 */
final class LabelledBindingErrors extends DefaultBindingErrorProcessor {

	@Override
	public void processPropertyAccessException(PropertyAccessException ex, BindingResult bindingResult) {
		var field = ex.getPropertyName();
		if (field == null) {
			super.processPropertyAccessException(ex, bindingResult);
			return;
		}
		var codes = bindingResult.resolveMessageCodes(ex.getErrorCode(), field);
		// instalments[2].amount is labelled field.form.instalments.amount, or else as any amount.
		var path = field.replaceAll("\\[\\d+]", "");
		var leaf = path.substring(path.lastIndexOf('.') + 1);
		var label = new DefaultMessageSourceResolvable(
				new String[] { "field." + bindingResult.getObjectName() + "." + path, "field." + leaf }, leaf);
		var rejected = ex.getValue();
		if (ObjectUtils.isArray(rejected)) {
			rejected = StringUtils.arrayToCommaDelimitedString(ObjectUtils.toObjectArray(rejected));
		}
		var error = new FieldError(bindingResult.getObjectName(), field, rejected, true, codes,
				new Object[] { label, rejected == null ? "" : rejected.toString() }, ex.getLocalizedMessage());
		error.wrap(ex);
		bindingResult.addError(error);
	}

}
