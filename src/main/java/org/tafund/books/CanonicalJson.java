package org.tafund.books;

import java.math.BigDecimal;
import java.util.ArrayList;

import tools.jackson.core.JsonGenerator;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.SerializationContext;
import tools.jackson.databind.ValueSerializer;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.module.SimpleModule;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;
import tools.jackson.databind.node.ArrayNode;

/**
 * Canonical JSON of the reports stored at a period close: object keys sorted (at every level),
 * decimals as plain strings ({@code "1234.50"}, never {@code 1.2345E+3}), dates ISO, no
 * whitespace, UTF-8. The same figures always give the same bytes, hence the same fingerprint.
 * Its own mapper (Jackson 3), independent of the application's JSON settings.
 */
final class CanonicalJson {

	private static final JsonMapper MAPPER = JsonMapper.builder()
		.addModule(new SimpleModule("canonical-decimals").addSerializer(BigDecimal.class, new PlainDecimal()))
		.build();

	private CanonicalJson() {
	}

	static JsonNode read(String json) {
		return MAPPER.readTree(json);
	}

	static String write(Object value) {
		return MAPPER.writeValueAsString(sorted(MAPPER.valueToTree(value)));
	}

	private static JsonNode sorted(JsonNode node) {
		if (node.isObject()) {
			var names = new ArrayList<String>(node.propertyNames());
			names.sort(null);
			ObjectNode copy = JsonNodeFactory.instance.objectNode();
			for (var name : names) {
				copy.set(name, sorted(node.get(name)));
			}
			return copy;
		}
		if (node.isArray()) {
			ArrayNode copy = JsonNodeFactory.instance.arrayNode();
			for (var element : node) {
				copy.add(sorted(element));
			}
			return copy;
		}
		return node;
	}

	private static final class PlainDecimal extends ValueSerializer<BigDecimal> {

		@Override
		public void serialize(BigDecimal value, JsonGenerator gen, SerializationContext context) {
			gen.writeString(value.toPlainString());
		}

	}

}
