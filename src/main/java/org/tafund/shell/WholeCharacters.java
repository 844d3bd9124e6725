package org.tafund.shell;

import org.springframework.boot.jackson.JacksonComponent;

import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.deser.jdk.StringDeserializer;
import tools.jackson.databind.exc.MismatchedInputException;

/**
 * Every text of a JSON body is read whole: a lone UTF-16 surrogate ({@code "\ud800"}, half of a
 * character) is refused with 400 naming the field, instead of being stored as "?" by a database
 * that keeps only whole characters.
 */
@JacksonComponent
class WholeCharacters extends StringDeserializer {

	@Override
	public String deserialize(JsonParser parser, DeserializationContext context) throws JacksonException {
		var text = super.deserialize(parser, context);
		if (text != null && hasLoneSurrogate(text)) {
			throw new LoneSurrogate(parser);
		}
		return text;
	}

	static boolean hasLoneSurrogate(String text) {
		for (int i = 0; i < text.length(); i++) {
			char c = text.charAt(i);
			if (Character.isHighSurrogate(c)) {
				if (i + 1 == text.length() || !Character.isLowSurrogate(text.charAt(i + 1))) {
					return true;
				}
				i++;
			}
			else if (Character.isLowSurrogate(c)) {
				return true;
			}
		}
		return false;
	}

	/** The refusal of a text with half a character, which the API's problem names with its field. */
	static final class LoneSurrogate extends MismatchedInputException {

		LoneSurrogate(JsonParser parser) {
			super(parser, "A text contains half of a character (a lone UTF-16 surrogate).", String.class);
		}

	}

}
