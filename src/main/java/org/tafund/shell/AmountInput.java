package org.tafund.shell;

import java.math.BigDecimal;
import java.text.DecimalFormatSymbols;
import java.text.ParseException;
import java.util.Locale;

import org.springframework.format.Formatter;
import org.tafund.shared.AmountText;

/**
 * Every decimal a page form binds (amounts, rates, tolerances) read as the user types it in their
 * language (see {@link AmountText}) and written back into a field the way it will be read again: the
 * language's decimal mark, no grouping, every digit kept. Text that is no amount fails the binding,
 * and the page shows it as typed beside its field, naming the field.
 */
final class AmountInput implements Formatter<BigDecimal> {

	@Override
	public BigDecimal parse(String text, Locale locale) throws ParseException {
		return AmountText.parse(text, locale).orElseThrow(() -> new ParseException(text, 0));
	}

	@Override
	public String print(BigDecimal value, Locale locale) {
		var plain = value.toPlainString();
		char mark = DecimalFormatSymbols.getInstance(locale).getDecimalSeparator();
		return mark == '.' ? plain : plain.replace('.', mark);
	}

	/**
	 * The same rules as the editor a page's binder uses first: when a conversion fails, Spring tries
	 * its default number editor, which drops every space ("12 34" would be 1234).
	 */
	static java.beans.PropertyEditor editor() {
		var input = new AmountInput();
		return new java.beans.PropertyEditorSupport() {
			@Override
			public void setAsText(String text) {
				if (text == null || text.isBlank()) {
					setValue(null);
					return;
				}
				setValue(AmountText.parse(text, org.springframework.context.i18n.LocaleContextHolder.getLocale())
					.orElseThrow(() -> new IllegalArgumentException("Not an amount: " + text)));
			}

			@Override
			public String getAsText() {
				return getValue() == null ? "" : input.print((BigDecimal) getValue(),
						org.springframework.context.i18n.LocaleContextHolder.getLocale());
			}
		};
	}

}
