package io.gitops.promotion.gitlab;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * HTTP side of the fake GitLab: decodes {@code /api/v4/...} paths segment by segment (so {@code
 * group%2Fproject} and {@code v1%2E0%2E0} arrive whole), checks {@code PRIVATE-TOKEN}, logs the
 * request, injects faults and writes JSON.
 */
final class FakeGitLabApi implements HttpHandler {

  private static final String PREFIX = "/api/v4/";
  private static final Map<Integer, String> REASONS =
      Map.of(
          400,
          "Bad Request",
          401,
          "Unauthorized",
          403,
          "Forbidden",
          404,
          "Not Found",
          409,
          "Conflict",
          422,
          "Unprocessable Entity",
          500,
          "Internal Server Error",
          502,
          "Bad Gateway",
          503,
          "Service Unavailable",
          504,
          "Gateway Timeout");

  private final FakeGitLabRoutes routes;
  private final FakeFaults faults;
  private final FakeRequestHooks hooks;
  private final List<RecordedRequest> log;
  private final String token;
  private final ObjectMapper mapper = new ObjectMapper();

  FakeGitLabApi(
      FakeGitLabRoutes routes,
      FakeFaults faults,
      FakeRequestHooks hooks,
      List<RecordedRequest> log,
      String token) {
    this.routes = routes;
    this.faults = faults;
    this.hooks = hooks;
    this.log = log;
    this.token = token;
  }

  @Override
  public void handle(HttpExchange exchange) throws IOException {
    try (exchange) {
      String method = exchange.getRequestMethod();
      String rawPath = exchange.getRequestURI().getRawPath();
      String rawQuery = Optional.ofNullable(exchange.getRequestURI().getRawQuery()).orElse("");
      List<String> segments =
          rawPath.startsWith(PREFIX)
              ? Arrays.stream(rawPath.substring(PREFIX.length()).split("/"))
                  .map(FakeGitLabApi::decode)
                  .toList()
              : List.of();
      String path = "/" + String.join("/", segments);
      log.add(new RecordedRequest(method, path, rawQuery));
      byte[] body = exchange.getRequestBody().readAllBytes();

      if (!authorized(exchange)) {
        send(exchange, FakeResponse.json(401, Map.of("message", "401 Unauthorized")));
        return;
      }
      Optional<FakeFaults.Fault> fault = faults.take(method, path);
      if (fault.isPresent() && !fault.get().afterApplying()) {
        sendFault(exchange, fault.get());
        return;
      }
      FakeResponse response;
      try {
        Map<String, String> params =
            params(rawQuery, body, exchange.getRequestHeaders().getFirst("Content-Type"));
        response = routes.handle(new FakeRequest(method, segments, params));
      } catch (FakeApiError e) {
        response = FakeResponse.json(e.status, e.body);
      }
      if (response.status() < 400) {
        hooks.take(method, path).ifPresent(Runnable::run);
      }
      if (fault.isPresent()) {
        sendFault(exchange, fault.get());
      } else {
        send(exchange, response);
      }
    }
  }

  private boolean authorized(HttpExchange exchange) {
    String privateToken = exchange.getRequestHeaders().getFirst("PRIVATE-TOKEN");
    String authorization = exchange.getRequestHeaders().getFirst("Authorization");
    return token.equals(privateToken) || ("Bearer " + token).equals(authorization);
  }

  private void sendFault(HttpExchange exchange, FakeFaults.Fault fault) throws IOException {
    if (fault.status() == 0) {
      throw new IOException("fault injected: connection dropped without a response");
    }
    if (fault.status() == 429) {
      // GitLab's rate limiter answers in plain text
      if (fault.retryAfter() != null) {
        exchange
            .getResponseHeaders()
            .add("Retry-After", String.valueOf(fault.retryAfter().toSeconds()));
      }
      write(exchange, 429, "text/plain", "Retry later\n".getBytes(StandardCharsets.UTF_8));
      return;
    }
    String reason = REASONS.getOrDefault(fault.status(), "Error");
    send(
        exchange,
        FakeResponse.json(fault.status(), Map.of("message", fault.status() + " " + reason)));
  }

  private void send(HttpExchange exchange, FakeResponse response) throws IOException {
    response.headers().forEach((name, value) -> exchange.getResponseHeaders().add(name, value));
    if (response.status() == 204) {
      exchange.sendResponseHeaders(204, -1);
      return;
    }
    write(
        exchange, response.status(), "application/json", mapper.writeValueAsBytes(response.body()));
  }

  private static void write(HttpExchange exchange, int status, String contentType, byte[] bytes)
      throws IOException {
    exchange.getResponseHeaders().set("Content-Type", contentType);
    exchange.sendResponseHeaders(status, bytes.length);
    exchange.getResponseBody().write(bytes);
  }

  /** Query and form or JSON body parameters; the body wins. */
  private Map<String, String> params(String rawQuery, byte[] body, String contentType)
      throws IOException {
    Map<String, String> params = new LinkedHashMap<>(form(rawQuery));
    if (body.length == 0) {
      return params;
    }
    if (contentType != null && contentType.startsWith("application/json")) {
      Map<String, Object> json = mapper.readValue(body, new TypeReference<>() {});
      json.forEach((k, v) -> params.put(k, v == null ? null : String.valueOf(v)));
    } else {
      params.putAll(form(new String(body, StandardCharsets.UTF_8)));
    }
    return params;
  }

  private static Map<String, String> form(String encoded) {
    Map<String, String> form = new LinkedHashMap<>();
    for (String pair : encoded.split("&")) {
      if (!pair.isEmpty()) {
        int eq = pair.indexOf('=');
        String name =
            URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
        String value =
            eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
        if (name.endsWith("[]")) {
          // an array parameter, repeated: kept as GitLab's comma-separated form
          form.merge(name.substring(0, name.length() - 2), value, (a, b) -> a + "," + b);
        } else {
          form.put(name, value);
        }
      }
    }
    return form;
  }

  /** Percent-decoding of a path segment: unlike a form, {@code +} stays a plus. */
  private static String decode(String segment) {
    return URLDecoder.decode(segment.replace("+", "%2B"), StandardCharsets.UTF_8);
  }

  static List<RecordedRequest> newLog() {
    return Collections.synchronizedList(new ArrayList<>());
  }
}
