package org.tafund.publishing;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;

import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;

/**
 * The IATI code lists the activity file is coded from (copies of the published lists, under
 * {@code iati/codelists/}): a code the list does not hold, or holds as withdrawn, is never written.
 */
@Component
class Codelists {

	private final Map<String, Set<String>> lists = new ConcurrentHashMap<>();

	/** Whether {@code code} is on the list {@code name} (e.g. {@code Sector}, {@code Country}). */
	boolean contains(String name, String code) {
		return code != null && codes(name).contains(code);
	}

	Set<String> codes(String name) {
		return lists.computeIfAbsent(name, Codelists::read);
	}

	private static Set<String> read(String name) {
		var resource = new ClassPathResource("iati/codelists/" + name + ".xml");
		var factory = XMLInputFactory.newFactory();
		factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
		factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
		var codes = new HashSet<String>();
		try (InputStream in = resource.getInputStream()) {
			var reader = factory.createXMLStreamReader(in);
			int depthInItem = -1;
			int depth = 0;
			while (reader.hasNext()) {
				int event = reader.next();
				if (event == XMLStreamConstants.START_ELEMENT) {
					depth++;
					if ("codelist-item".equals(reader.getLocalName())) {
						// A withdrawn code stays on the list for old files; new data must not use it.
						depthInItem = "withdrawn".equals(reader.getAttributeValue(null, "status")) ? -2 : depth;
					}
					else if ("code".equals(reader.getLocalName()) && depth == depthInItem + 1) {
						codes.add(reader.getElementText().strip());
						depth--;
					}
				}
				else if (event == XMLStreamConstants.END_ELEMENT) {
					if ("codelist-item".equals(reader.getLocalName())) {
						depthInItem = -1;
					}
					depth--;
				}
			}
		}
		catch (IOException e) {
			throw new UncheckedIOException("IATI code list " + name, e);
		}
		catch (XMLStreamException e) {
			throw new IllegalStateException("IATI code list " + name, e);
		}
		if (codes.isEmpty()) {
			throw new IllegalStateException("IATI code list " + name + " has no codes");
		}
		return Set.copyOf(codes);
	}

}
