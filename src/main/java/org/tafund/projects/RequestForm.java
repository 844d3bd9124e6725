package org.tafund.projects;

import java.time.LocalDate;
import java.util.Set;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;

import org.tafund.projects.Codes.Channel;
import org.tafund.projects.Codes.Instrument;
import org.tafund.projects.Codes.Subject;

/** The form of the requests page: a State's request for assistance as it was received. */
record RequestForm(String state, @NotNull(message = "{request.receivedOn.required}") LocalDate receivedOn,
		@NotNull(message = "{request.channel.required}") Channel channel, Set<Subject> subjects,
		Set<Instrument> instruments, @NotBlank(message = "{request.description.required}") String description) implements java.io.Serializable {

	static RequestForm empty() {
		return new RequestForm("", null, null, Set.of(), Set.of(), "");
	}

}
