package org.tafund.shell;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class WholeCharactersTests {

	record Named(String name) {
	}

	@Test
	void aJsonTextWithHalfACharacterIsRefusedNamingItsField() {
		var json = tools.jackson.databind.json.JsonMapper.builder()
			.addModule(new tools.jackson.databind.module.SimpleModule().addDeserializer(String.class, new WholeCharacters()))
			.build();
		assertThat(json.readValue("{\"name\":\"ok \\ud83d\\ude00\"}", Named.class).name()).isEqualTo("ok \uD83D\uDE00");
		assertThat(json.readValue("{\"name\":null}", Named.class).name()).isNull();
		org.assertj.core.api.Assertions.assertThatThrownBy(() -> json.readValue("{\"name\":\"half \\ud800\"}", Named.class))
			.isInstanceOf(WholeCharacters.LoneSurrogate.class)
			.satisfies(e -> assertThat(((WholeCharacters.LoneSurrogate) e).getPath().get(0).getPropertyName()).isEqualTo("name"));
	}

	@Test
	void findsHalfCharactersAndLetsWholeOnesThrough() {
		assertThat(WholeCharacters.hasLoneSurrogate("plain")).isFalse();
		assertThat(WholeCharacters.hasLoneSurrogate("")).isFalse();
		assertThat(WholeCharacters.hasLoneSurrogate("a \uD83D\uDE00 b")).as("a pair").isFalse();
		assertThat(WholeCharacters.hasLoneSurrogate("\uD83D\uDE00")).as("a pair alone").isFalse();
		assertThat(WholeCharacters.hasLoneSurrogate("a \uD800 b")).as("a high one alone").isTrue();
		assertThat(WholeCharacters.hasLoneSurrogate("end \uD800")).as("a high one last").isTrue();
		assertThat(WholeCharacters.hasLoneSurrogate("\uDC00 start")).as("a low one alone").isTrue();
		assertThat(WholeCharacters.hasLoneSurrogate("\uD800\uD800\uDC00")).as("a high one before a pair").isTrue();
	}

}
