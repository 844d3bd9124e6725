package org.tafund.support;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import com.jayway.jsonpath.JsonPath;

/**
 * JSON bodies posted to the running server at the same instant, one thread each, as a demo user
 * (password {@code tafund-demo-2026}): for rules that must hold when requests race, such as two
 * receipts that together exceed what is outstanding.
 */
public final class ConcurrentPosts {

	private ConcurrentPosts() {
	}

	public static List<HttpResponse<String>> post(int port, String user, String path, List<String> bodies)
			throws Exception {
		return post(port, user, bodies.stream().map(body -> new Request(path, body)).toList());
	}

	/** A JSON body for a path. */
	public record Request(String path, String body) {
	}

	/** Requests to different paths, posted at the same instant; the responses in their order. */
	public static List<HttpResponse<String>> post(int port, String user, List<Request> requests) throws Exception {
		return postTo(user, requests.stream().map(request -> new Target(port, request)).toList());
	}

	/** A request to the instance on {@code port}. */
	public record Target(int port, Request request) {
	}

	/** Requests to several instances, posted at the same instant; the responses in their order. */
	public static List<HttpResponse<String>> postTo(String user, List<Target> targets) throws Exception {
		var http = HttpClient.newHttpClient();
		var authorization = "Basic "
				+ Base64.getEncoder().encodeToString((user + ":tafund-demo-2026").getBytes());
		var pool = Executors.newFixedThreadPool(targets.size());
		var start = new CountDownLatch(1);
		try {
			var calls = new ArrayList<Future<HttpResponse<String>>>();
			for (var target : targets) {
				var request = target.request();
				calls.add(pool.submit(() -> {
					start.await();
					return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + target.port() + request.path()))
						.header("Authorization", authorization)
						.header("Content-Type", "application/json")
						.POST(HttpRequest.BodyPublishers.ofString(request.body()))
						.build(), HttpResponse.BodyHandlers.ofString());
				}));
			}
			start.countDown();
			var responses = new ArrayList<HttpResponse<String>>();
			for (var call : calls) {
				responses.add(call.get(60, TimeUnit.SECONDS));
			}
			return responses;
		}
		finally {
			pool.shutdownNow();
		}
	}

	/** The {@code code} of the problem documents among {@code responses}, in their order. */
	public static List<String> codes(List<HttpResponse<String>> responses) {
		return responses.stream()
			.filter(r -> r.statusCode() >= 400)
			.map(r -> JsonPath.<String>read(r.body(), "$.code"))
			.toList();
	}

}
