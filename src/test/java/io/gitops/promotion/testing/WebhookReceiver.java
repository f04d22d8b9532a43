package io.gitops.promotion.testing;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;

/**
 * A webhook receiver on loopback (the JDK's HTTP server): records every POST body under its path
 * and answers with the statuses it was told to, then 200 (or, once {@link #failAlways()} is called,
 * 500 for ever).
 */
public final class WebhookReceiver implements AutoCloseable {
  /** One request as received. */
  public record Delivery(String path, String contentType, String body) {}

  private final HttpServer server;
  private final List<Delivery> deliveries = new CopyOnWriteArrayList<>();
  private final Deque<Integer> statuses = new ArrayDeque<>();
  private volatile boolean failAlways;

  private WebhookReceiver(HttpServer server) {
    this.server = server;
  }

  public static WebhookReceiver start() {
    try {
      HttpServer server =
          HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
      WebhookReceiver receiver = new WebhookReceiver(server);
      server.createContext(
          "/",
          exchange -> {
            try (exchange;
                InputStream body = exchange.getRequestBody()) {
              receiver.deliveries.add(
                  new Delivery(
                      exchange.getRequestURI().getPath(),
                      exchange.getRequestHeaders().getFirst("Content-Type"),
                      new String(body.readAllBytes(), StandardCharsets.UTF_8)));
              exchange.sendResponseHeaders(receiver.nextStatus(), -1);
            }
          });
      server.setExecutor(Executors.newFixedThreadPool(2));
      server.start();
      return receiver;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The next requests are answered with these statuses, in order. */
  public synchronized WebhookReceiver answering(Integer... statuses) {
    this.statuses.addAll(List.of(statuses));
    return this;
  }

  public WebhookReceiver failAlways() {
    failAlways = true;
    return this;
  }

  private synchronized int nextStatus() {
    if (failAlways) {
      return 500;
    }
    return statuses.isEmpty() ? 200 : statuses.poll();
  }

  public String url(String path) {
    return "http://127.0.0.1:" + server.getAddress().getPort() + path;
  }

  public List<Delivery> deliveries() {
    return List.copyOf(deliveries);
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
