package org.tafund.shell;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ApplicationContext;
import org.tafund.TafundApplication;
import org.tafund.support.IntegrationTest;
import org.tafund.support.TestDatabaseConfiguration;

import com.sun.net.httpserver.HttpServer;

import io.micrometer.tracing.Tracer;
import io.opentelemetry.sdk.trace.export.SpanExporter;

/**
 * Traces: always made (Micrometer Tracing on OpenTelemetry), exported over OTLP only when an
 * endpoint is configured, each request's span carrying the request's id.
 */
@IntegrationTest
class TracingTests {

	@Autowired
	ApplicationContext context;

	@Test
	void withoutAnEndpointNothingIsExported() {
		assertThat(context.getBean(Tracer.class)).isNotNull();
		assertThat(context.getBeanProvider(SpanExporter.class).stream().map(e -> e.getClass().getSimpleName()))
			.noneMatch(name -> name.startsWith("Otlp"));
		// Nor are metrics pushed over OTLP (to a localhost:4318 that is not there): Prometheus serves them.
		assertThat(context.getBeanProvider(io.micrometer.core.instrument.MeterRegistry.class)
			.stream()
			.flatMap(registry -> registry instanceof io.micrometer.core.instrument.composite.CompositeMeterRegistry composite
					? composite.getRegistries().stream() : java.util.stream.Stream.of(registry))
			.map(registry -> registry.getClass().getSimpleName())).doesNotContain("OtlpMeterRegistry");
	}

	@Test
	void withAnEndpointTheRequestsSpansGoThereWithTheRequestsId() throws Exception {
		var received = new CopyOnWriteArrayList<String>();
		var collector = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
		collector.createContext("/v1/traces", exchange -> {
			var body = new ByteArrayOutputStream();
			exchange.getRequestBody().transferTo(body);
			// OTLP protobuf: attribute strings are stored as plain UTF-8 bytes.
			received.add(body.toString(StandardCharsets.ISO_8859_1));
			exchange.sendResponseHeaders(200, -1);
			exchange.close();
		});
		collector.start();
		try (var app = new SpringApplicationBuilder(TafundApplication.class, TestDatabaseConfiguration.class)
			.profiles("test")
			.properties("server.port=0", "spring.main.banner-mode=off",
					"management.opentelemetry.tracing.export.otlp.endpoint=http://127.0.0.1:"
							+ collector.getAddress().getPort() + "/v1/traces",
					"management.tracing.sampling.probability=1.0",
					"management.opentelemetry.tracing.export.schedule-delay=100ms")
			.run()) {
			var port = app.getEnvironment().getProperty("local.server.port");
			var id = "trace-" + UUID.randomUUID().toString().substring(0, 8);
			var response = HttpClient.newHttpClient()
				.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/login"))
					.header("X-Request-Id", id)
					.build(), HttpResponse.BodyHandlers.discarding());
			assertThat(response.headers().firstValue("X-Request-Id")).hasValue(id);
			var deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(15);
			while (received.stream().noneMatch(body -> body.contains(id)) && System.nanoTime() < deadline) {
				Thread.sleep(100);
			}
			assertThat(received).anySatisfy(body -> assertThat(body).contains(id).contains(RequestIdOnSpans.KEY));
		}
		finally {
			collector.stop(0);
		}
	}

}
