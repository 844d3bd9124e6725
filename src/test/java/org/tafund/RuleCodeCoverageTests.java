package org.tafund;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/**
 * Every code a {@code BusinessRuleViolation} can carry has a message in every bundle and is
 * asserted by a test. Plain JUnit: it reads the sources, it starts nothing.
 * <p>
 * <b>The codes</b> are those thrown in {@code src/main/java}, read from the sources: the code
 * argument of {@code new BusinessRuleViolation("code", ...)} and of
 * {@code BusinessRuleViolation.ofField(field, "code", ...)}, and the {@code super("code", ...)} of
 * every class that extends it, directly or not ({@code PeriodClosed}, {@code MissingExchangeRate},
 * {@code ConcurrentEdit}). This set is authoritative, not the message bundle: the bundle mixes the
 * rule codes with page labels, flash messages and form-binding codes, and a key's name does not say
 * which it is. The bundle is held to it instead: a thrown code without a message in
 * {@code messages.properties}, {@code messages_fr.properties} or {@code messages_es.properties}
 * fails. What this test cannot see is a rule code left in the bundle after its last {@code throw}
 * is gone: to it that key is one more label. Such a key is dead; remove it with the {@code throw}
 * rather than test it. A code that is not a string literal at its {@code throw} (built from
 * pieces, passed in a variable) fails too, so that no code escapes the scan: give it a literal.
 * <p>
 * <b>Asserted</b> means that the code appears, as a whole string literal, in a statement of a test
 * source (comments removed, this class left out) that asserts: one that calls a method whose name
 * starts with {@code assert} or {@code expect}, or {@code andExpect} or {@code isEqualTo}. That
 * takes in {@code .andExpect(jsonPath("$.code").value("code"))} beside the HTTP status,
 * {@code assertThat(e.messageKey()).isEqualTo("code")}, and helpers such as
 * {@code expectProblem(body, 422, "code")}, and the CSV rate import's reasons, compared with the
 * message of their code. A literal in a statement that asserts nothing (a table that a loop
 * asserts later, a lookup kept in a variable) does not count. The HTTP status is asserted beside
 * the code by convention (a 422 problem through the API, the page's status for a form); a rule no
 * request can reach is asserted at the service by its {@code messageKey()}.
 */
class RuleCodeCoverageTests {

	private static final Path MAIN = Path.of("src/main/java");

	private static final Path TESTS = Path.of("src/test/java");

	private static final Path RESOURCES = Path.of("src/main/resources");

	private static final List<String> BUNDLES = List.of("messages.properties", "messages_fr.properties",
			"messages_es.properties");

	private static final Pattern CONSTRUCTION = Pattern
		.compile("\\bnew\\s+(?:org\\.tafund\\.shared\\.)?(?:BusinessRuleViolation|ForbiddenAction)\\s*\\(");

	private static final Pattern OF_FIELD = Pattern.compile("\\bBusinessRuleViolation\\s*\\.\\s*ofField\\s*\\(");

	private static final Pattern EXTENDS = Pattern.compile("\\bclass\\s+(\\w+)\\s+extends\\s+([\\w.]+)");

	private static final Pattern SUPER = Pattern.compile("\\bsuper\\s*\\(");

	private static final Pattern ASSERTING = Pattern.compile("\\b(assert\\w*|expect\\w*|andExpect|isEqualTo)\\s*\\(");

	@Test
	void everyThrownCodeHasAMessageInEveryBundle() {
		var codes = thrownCodes().keySet();
		var missing = new TreeMap<String, Set<String>>();
		for (var bundle : BUNDLES) {
			var keys = keys(RESOURCES.resolve(bundle));
			var without = new TreeSet<>(codes);
			without.removeAll(keys);
			if (!without.isEmpty()) {
				missing.put(bundle, without);
			}
		}
		assertThat(missing).as("rule codes thrown in src/main without a message, by bundle").isEmpty();
	}

	@Test
	void everyThrownCodeIsAssertedByATest() {
		var thrown = thrownCodes();
		assertThat(thrown).as("codes found in src/main: the scan is broken").hasSizeGreaterThan(100);
		var asserted = assertedCodes();
		var untested = new TreeMap<String, String>();
		thrown.forEach((code, where) -> {
			if (!asserted.contains(code)) {
				untested.put(code, where);
			}
		});
		assertTrue(untested.isEmpty(), () -> untested.size() + " of " + thrown.size()
				+ " rule codes that no test asserts (code -> where it is thrown):" + System.lineSeparator()
				+ String.join(System.lineSeparator(),
						untested.entrySet().stream().map(e -> "  " + e.getKey() + " -> " + e.getValue()).toList()));
	}

	/** The codes thrown in src/main, each with the first place that throws it. */
	static Map<String, String> thrownCodes() {
		var sources = new TreeMap<Path, Source>();
		for (var file : javaFiles(MAIN)) {
			sources.put(file, Source.of(file));
		}
		var violations = subclassesOfBusinessRuleViolation(sources.values());
		var codes = new TreeMap<String, String>();
		var notLiteral = new ArrayList<String>();
		sources.forEach((file, source) -> {
			// The two general kinds take their code as a parameter: the codes are where they are constructed.
			if (file.endsWith(Path.of("shared", "BusinessRuleViolation.java"))
					|| file.endsWith(Path.of("shared", "ForbiddenAction.java"))) {
				return;
			}
			for (var at : source.find(CONSTRUCTION)) {
				source.collect(at, file, codes, notLiteral);
			}
			for (var at : source.find(OF_FIELD)) {
				source.collect(source.afterFirstArgument(at), file, codes, notLiteral);
			}
			if (source.declaresOneOf(violations)) {
				for (var at : source.find(SUPER)) {
					source.collect(at, file, codes, notLiteral);
				}
			}
		});
		assertThat(notLiteral).as("rule codes that are not a string literal where they are thrown").isEmpty();
		return codes;
	}

	/** The codes that some test source asserts. */
	static Set<String> assertedCodes() {
		var asserted = new HashSet<String>();
		for (var file : javaFiles(TESTS)) {
			if (file.getFileName().toString().equals(RuleCodeCoverageTests.class.getSimpleName() + ".java")) {
				continue;
			}
			var source = Source.of(file);
			for (var literal : source.literals.entrySet()) {
				if (ASSERTING.matcher(source.statementAround(literal.getKey())).find()) {
					asserted.add(literal.getValue());
				}
			}
		}
		return asserted;
	}

	private static Set<String> subclassesOfBusinessRuleViolation(Iterable<Source> sources) {
		var known = new HashSet<>(Set.of("BusinessRuleViolation"));
		boolean grew = true;
		while (grew) {
			grew = false;
			for (var source : sources) {
				Matcher m = EXTENDS.matcher(source.masked);
				while (m.find()) {
					var parent = m.group(2).substring(m.group(2).lastIndexOf('.') + 1);
					if (known.contains(parent) && known.add(m.group(1))) {
						grew = true;
					}
				}
			}
		}
		known.remove("BusinessRuleViolation");
		return known;
	}

	private static List<Path> javaFiles(Path root) {
		try (Stream<Path> files = Files.walk(root)) {
			return files.filter(f -> f.toString().endsWith(".java")).sorted().toList();
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	private static Set<String> keys(Path bundle) {
		var properties = new Properties();
		try (var reader = new InputStreamReader(Files.newInputStream(bundle), StandardCharsets.UTF_8)) {
			properties.load(reader);
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
		return properties.stringPropertyNames();
	}

	/**
	 * A Java source without its comments: {@link #masked} is the text with every string literal's
	 * content blanked (so that searches see only code), {@link #literals} the literals' values by
	 * the offset of their opening quote.
	 */
	record Source(String masked, Map<Integer, String> literals) {

		static Source of(Path file) {
			try {
				return parse(Files.readString(file));
			}
			catch (IOException e) {
				throw new UncheckedIOException(e);
			}
		}

		static Source parse(String text) {
			var masked = new StringBuilder(text.length());
			var literals = new TreeMap<Integer, String>();
			int i = 0;
			while (i < text.length()) {
				char c = text.charAt(i);
				if (text.startsWith("//", i)) {
					while (i < text.length() && text.charAt(i) != '\n') {
						masked.append(' ');
						i++;
					}
				}
				else if (text.startsWith("/*", i)) {
					int end = text.indexOf("*/", i + 2);
					end = end < 0 ? text.length() : end + 2;
					for (; i < end; i++) {
						masked.append(text.charAt(i) == '\n' ? '\n' : ' ');
					}
				}
				else if (text.startsWith("\"\"\"", i)) {
					int end = text.indexOf("\"\"\"", i + 3);
					end = end < 0 ? text.length() : end + 3;
					for (; i < end; i++) {
						masked.append(text.charAt(i) == '\n' ? '\n' : '_');
					}
				}
				else if (c == '"' || c == '\'') {
					int start = i;
					var value = new StringBuilder();
					masked.append(c);
					i++;
					while (i < text.length() && text.charAt(i) != c && text.charAt(i) != '\n') {
						if (text.charAt(i) == '\\' && i + 1 < text.length()) {
							value.append(text, i, i + 2);
							masked.append("__");
							i += 2;
						}
						else {
							value.append(text.charAt(i));
							masked.append('_');
							i++;
						}
					}
					if (i < text.length()) {
						masked.append(text.charAt(i));
						i++;
					}
					if (c == '"') {
						literals.put(start, value.toString());
					}
				}
				else {
					masked.append(c);
					i++;
				}
			}
			return new Source(masked.toString(), literals);
		}

		/** The offsets just after each match of {@code pattern}. */
		List<Integer> find(Pattern pattern) {
			var ends = new ArrayList<Integer>();
			var m = pattern.matcher(masked);
			while (m.find()) {
				ends.add(m.end());
			}
			return ends;
		}

		/** The offset just after the first argument of the call whose arguments start at {@code at}. */
		int afterFirstArgument(int at) {
			int depth = 0;
			for (int i = at; i < masked.length(); i++) {
				char c = masked.charAt(i);
				if (c == '(' || c == '[' || c == '{') {
					depth++;
				}
				else if (c == ')' || c == ']' || c == '}') {
					if (depth == 0) {
						return i;
					}
					depth--;
				}
				else if (c == ',' && depth == 0) {
					return i + 1;
				}
			}
			return masked.length();
		}

		/** Records the code argument that starts at {@code at}, or where it is not a literal. */
		void collect(int at, Path file, Map<String, String> codes, List<String> notLiteral) {
			int i = at;
			while (i < masked.length() && Character.isWhitespace(masked.charAt(i))) {
				i++;
			}
			var where = file.getFileName() + ":" + line(i);
			var code = literals.get(i);
			if (code == null) {
				notLiteral.add(where);
			}
			else {
				codes.putIfAbsent(code, where);
			}
		}

		boolean declaresOneOf(Set<String> classes) {
			var m = EXTENDS.matcher(masked);
			while (m.find()) {
				if (classes.contains(m.group(1))) {
					return true;
				}
			}
			return false;
		}

		/** The statement around {@code offset}: from the last {@code ; { }} before it to the next. */
		String statementAround(int offset) {
			int start = offset;
			while (start > 0 && ";{}".indexOf(masked.charAt(start - 1)) < 0) {
				start--;
			}
			int end = offset;
			while (end < masked.length() && ";{}".indexOf(masked.charAt(end)) < 0) {
				end++;
			}
			return masked.substring(start, end);
		}

		private int line(int offset) {
			int line = 1;
			for (int i = 0; i < offset; i++) {
				if (masked.charAt(i) == '\n') {
					line++;
				}
			}
			return line;
		}

	}

}
