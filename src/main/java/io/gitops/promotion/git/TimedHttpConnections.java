package io.gitops.promotion.git;

import io.gitops.promotion.config.ConnectionTimeouts;
import java.io.IOException;
import java.net.Proxy;
import java.net.URL;
import org.eclipse.jgit.transport.http.HttpConnection;
import org.eclipse.jgit.transport.http.JDKHttpConnection;
import org.eclipse.jgit.transport.http.JDKHttpConnectionFactory;

/**
 * JGit's HTTP connections with a connect limit and a read limit of their own: JGit sets one
 * timeout, in whole seconds, for both, so its values are replaced by the configured ones.
 */
final class TimedHttpConnections extends JDKHttpConnectionFactory {
  private final ConnectionTimeouts timeouts;

  TimedHttpConnections(ConnectionTimeouts timeouts) {
    this.timeouts = timeouts;
  }

  @Override
  public HttpConnection create(URL url) throws IOException {
    return new TimedConnection(url, timeouts);
  }

  @Override
  public HttpConnection create(URL url, Proxy proxy) throws IOException {
    return new TimedConnection(url, proxy, timeouts);
  }

  private static final class TimedConnection extends JDKHttpConnection {
    private final ConnectionTimeouts timeouts;

    TimedConnection(URL url, ConnectionTimeouts timeouts) throws IOException {
      super(url);
      this.timeouts = timeouts;
      applyLimits();
    }

    TimedConnection(URL url, Proxy proxy, ConnectionTimeouts timeouts) throws IOException {
      super(url, proxy);
      this.timeouts = timeouts;
      applyLimits();
    }

    private void applyLimits() {
      super.setConnectTimeout(timeouts.connectMillis());
      super.setReadTimeout(timeouts.readMillis());
    }

    @Override
    public void setConnectTimeout(int ignoredJGitValue) {
      super.setConnectTimeout(timeouts.connectMillis());
    }

    @Override
    public void setReadTimeout(int ignoredJGitValue) {
      super.setReadTimeout(timeouts.readMillis());
    }
  }
}
