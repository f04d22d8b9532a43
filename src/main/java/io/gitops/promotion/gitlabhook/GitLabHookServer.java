package io.gitops.promotion.gitlabhook;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * The webhook endpoint GitLab posts to, on a port of its own (apart from /metrics and the probes,
 * so that only it need be reachable from GitLab): each delivery is handed to the {@link
 * GitLabHookReceiver} (which it closes with itself) and answered with its outcome's status.
 */
public final class GitLabHookServer implements AutoCloseable {
  private final HttpServer server;
  private final ExecutorService executor;
  private final GitLabHookReceiver receiver;

  /**
   * @param port 0 for any free port
   */
  public GitLabHookServer(int port, String path, GitLabHookReceiver receiver) {
    this.receiver = receiver;
    try {
      server = HttpServer.create(new InetSocketAddress(port), 0);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot listen on port " + port, e);
    }
    server.createContext(path, exchange -> handle(exchange, path, receiver));
    executor =
        Executors.newFixedThreadPool(
            2,
            r -> {
              Thread t = new Thread(r, "gitlab-webhook");
              t.setDaemon(true);
              return t;
            });
    server.setExecutor(executor);
  }

  public GitLabHookServer start() {
    server.start();
    return this;
  }

  public int port() {
    return server.getAddress().getPort();
  }

  @Override
  public void close() {
    server.stop(0);
    executor.shutdownNow();
    receiver.close();
  }

  private static void handle(HttpExchange exchange, String path, GitLabHookReceiver receiver)
      throws IOException {
    try (exchange) {
      if (!exchange.getRequestURI().getPath().equals(path)) {
        respond(exchange, 404, "not found\n");
        return;
      }
      String length = exchange.getRequestHeaders().getFirst("Content-Length");
      HookOutcome outcome;
      try (InputStream body = exchange.getRequestBody()) {
        outcome =
            receiver.receive(
                exchange.getRequestMethod(),
                exchange.getRequestHeaders().getFirst("X-Gitlab-Token"),
                exchange.getRequestHeaders().getFirst("X-Gitlab-Event"),
                declared(length),
                exchange.getRequestHeaders().containsKey(PeerForwarding.HEADER),
                body);
      }
      respond(exchange, outcome.status(), outcome.label() + "\n");
    }
  }

  private static long declared(String length) {
    try {
      return length == null ? -1 : Long.parseLong(length.trim());
    } catch (NumberFormatException e) {
      return -1;
    }
  }

  private static void respond(HttpExchange exchange, int status, String text) throws IOException {
    byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().set("Content-Type", "text/plain; charset=utf-8");
    exchange.sendResponseHeaders(status, bytes.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(bytes);
    }
  }
}
