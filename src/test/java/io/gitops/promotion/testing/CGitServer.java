package io.gitops.promotion.testing;

import static org.awaitility.Awaitility.await;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;

/**
 * C Git serving a directory of bare repositories on loopback, the way real Git servers do: either
 * {@code git daemon --enable=receive-pack} (the git:// protocol) or {@code git http-backend} behind
 * a small CGI bridge (smart HTTP). Proves that what JGit pushes is accepted by C Git, not only by
 * JGit.
 */
public final class CGitServer implements AutoCloseable {
  private final String baseUrl;
  private final Process daemon;
  private final HttpServer http;

  private CGitServer(String baseUrl, Process daemon, HttpServer http) {
    this.baseUrl = baseUrl;
    this.daemon = daemon;
    this.http = http;
  }

  /** {@code git daemon} exporting every repository under {@code root}, pushes allowed. */
  public static CGitServer daemon(Path root) {
    int port = freePort();
    try {
      Process process =
          new ProcessBuilder(
                  "git",
                  "daemon",
                  "--reuseaddr",
                  "--export-all",
                  "--enable=receive-pack",
                  "--listen=127.0.0.1",
                  "--port=" + port,
                  "--base-path=" + root,
                  root.toString())
              .redirectErrorStream(true)
              .redirectOutput(root.resolve("git-daemon.log").toFile())
              .start();
      await().atMost(Duration.ofSeconds(20)).until(() -> accepts(port));
      return new CGitServer("git://127.0.0.1:" + port + "/", process, null);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * {@code git http-backend} as a CGI program for every repository under {@code root}, pushes
   * allowed.
   */
  public static CGitServer httpBackend(Path root) {
    try {
      HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
      server.setExecutor(Executors.newFixedThreadPool(4));
      server.createContext("/", exchange -> serveCgi(root, exchange));
      server.start();
      return new CGitServer(
          "http://127.0.0.1:" + server.getAddress().getPort() + "/", null, server);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public String url(String repository) {
    return baseUrl + repository;
  }

  private static void serveCgi(Path root, HttpExchange exchange) throws IOException {
    try (exchange) {
      byte[] body = exchange.getRequestBody().readAllBytes();
      ProcessBuilder cgi = new ProcessBuilder("git", "http-backend");
      Map<String, String> env = cgi.environment();
      env.put("GIT_PROJECT_ROOT", root.toString());
      env.put("GIT_HTTP_EXPORT_ALL", "1");
      env.put("REMOTE_USER", "deployer");
      env.put("REMOTE_ADDR", "127.0.0.1");
      env.put("GATEWAY_INTERFACE", "CGI/1.1");
      env.put("REQUEST_METHOD", exchange.getRequestMethod());
      env.put("PATH_INFO", exchange.getRequestURI().getPath());
      env.put(
          "QUERY_STRING",
          exchange.getRequestURI().getRawQuery() == null
              ? ""
              : exchange.getRequestURI().getRawQuery());
      env.put("CONTENT_LENGTH", Integer.toString(body.length));
      putIfPresent(env, "CONTENT_TYPE", exchange.getRequestHeaders().getFirst("Content-Type"));
      putIfPresent(
          env, "HTTP_CONTENT_ENCODING", exchange.getRequestHeaders().getFirst("Content-Encoding"));
      putIfPresent(env, "GIT_PROTOCOL", exchange.getRequestHeaders().getFirst("Git-Protocol"));
      Process process = cgi.start();
      CompletableFuture<Void> input =
          CompletableFuture.runAsync(
              () -> {
                try (OutputStream stdin = process.getOutputStream()) {
                  stdin.write(body);
                } catch (IOException e) {
                  throw new UncheckedIOException(e);
                }
              });
      byte[] output = process.getInputStream().readAllBytes();
      input.join();
      respond(exchange, output);
    }
  }

  /** Turns CGI output (headers, blank line, body) into the HTTP response. */
  private static void respond(HttpExchange exchange, byte[] output) throws IOException {
    int split = indexOf(output, "\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
    int separator = 4;
    if (split < 0) {
      split = indexOf(output, "\n\n".getBytes(StandardCharsets.US_ASCII));
      separator = 2;
    }
    String headers = new String(output, 0, Math.max(split, 0), StandardCharsets.US_ASCII);
    int status = 200;
    for (String line : headers.split("\r?\n")) {
      int colon = line.indexOf(':');
      if (colon < 0) {
        continue;
      }
      String name = line.substring(0, colon).trim();
      String value = line.substring(colon + 1).trim();
      if (name.equalsIgnoreCase("Status")) {
        status = Integer.parseInt(value.split(" ")[0]);
      } else {
        exchange.getResponseHeaders().add(name, value);
      }
    }
    int start = split < 0 ? output.length : split + separator;
    exchange.sendResponseHeaders(status, output.length - start == 0 ? -1 : output.length - start);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(output, start, output.length - start);
    }
  }

  private static void putIfPresent(Map<String, String> env, String key, String value) {
    if (value != null) {
      env.put(key, value);
    }
  }

  private static int indexOf(byte[] data, byte[] pattern) {
    outer:
    for (int i = 0; i + pattern.length <= data.length; i++) {
      for (int j = 0; j < pattern.length; j++) {
        if (data[i + j] != pattern[j]) {
          continue outer;
        }
      }
      return i;
    }
    return -1;
  }

  private static boolean accepts(int port) {
    try (Socket ignored = new Socket("127.0.0.1", port)) {
      return true;
    } catch (IOException e) {
      return false;
    }
  }

  private static int freePort() {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public void close() {
    if (daemon != null) {
      daemon.destroy();
      daemon.descendants().forEach(ProcessHandle::destroy);
    }
    if (http != null) {
      http.stop(0);
    }
  }
}
