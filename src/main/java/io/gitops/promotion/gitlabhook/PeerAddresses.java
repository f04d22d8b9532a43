package io.gitops.promotion.gitlabhook;

import java.net.InetAddress;
import java.net.NetworkInterface;
import java.net.SocketException;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.Arrays;
import java.util.List;
import java.util.function.Supplier;

/**
 * The other replicas' webhook endpoints, from the addresses of a headless Service that selects
 * every replica ({@code webhook.peers}), this replica's own addresses left out.
 */
public final class PeerAddresses implements Supplier<List<URI>> {
  private final String host;
  private final int port;
  private final String path;

  public PeerAddresses(String host, int port, String path) {
    this.host = host;
    this.port = port;
    this.path = path;
  }

  @Override
  public List<URI> get() {
    try {
      return Arrays.stream(InetAddress.getAllByName(host))
          .filter(a -> !isLocal(a))
          .map(a -> URI.create("http://" + hostPart(a) + ":" + port + path))
          .toList();
    } catch (UnknownHostException e) {
      throw new IllegalStateException("cannot resolve " + host, e);
    }
  }

  private static String hostPart(InetAddress address) {
    String literal = address.getHostAddress();
    return literal.contains(":") ? "[" + literal.replaceAll("%.*", "") + "]" : literal;
  }

  private static boolean isLocal(InetAddress address) {
    try {
      return address.isLoopbackAddress() || NetworkInterface.getByInetAddress(address) != null;
    } catch (SocketException e) {
      return false;
    }
  }
}
