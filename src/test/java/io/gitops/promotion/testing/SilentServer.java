package io.gitops.promotion.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A TCP server on the loopback address that accepts every connection and never sends a byte: the
 * remote that hangs a client with no read limit.
 */
public final class SilentServer implements AutoCloseable {
  private final ServerSocket socket;
  private final List<Socket> accepted = new CopyOnWriteArrayList<>();
  private final Thread acceptor;

  public SilentServer() {
    try {
      socket = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    acceptor = new Thread(this::acceptForever, "silent-server");
    acceptor.setDaemon(true);
    acceptor.start();
  }

  private void acceptForever() {
    while (!socket.isClosed()) {
      try {
        accepted.add(socket.accept());
      } catch (IOException closed) {
        return;
      }
    }
  }

  /** {@code http://127.0.0.1:<port>/<path>}. */
  public String url(String path) {
    return "http://127.0.0.1:" + socket.getLocalPort() + "/" + path;
  }

  /** How many connections were accepted so far. */
  public int connections() {
    return accepted.size();
  }

  @Override
  public void close() throws IOException {
    socket.close();
    for (Socket s : accepted) {
      s.close();
    }
  }
}
