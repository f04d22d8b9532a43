package io.gitops.promotion.git;

import io.gitops.promotion.config.ConnectionTimeouts;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.eclipse.jgit.api.TransportCommand;
import org.eclipse.jgit.transport.SshTransport;
import org.eclipse.jgit.transport.Transport;
import org.eclipse.jgit.transport.TransportHttp;
import org.eclipse.jgit.transport.UsernamePasswordCredentialsProvider;
import org.eclipse.jgit.transport.sshd.JGitKeyCache;
import org.eclipse.jgit.transport.sshd.SshdSessionFactory;
import org.eclipse.jgit.transport.sshd.SshdSessionFactoryBuilder;

/**
 * Applies a remote's credentials and time limits to JGit connections: basic auth for HTTPS, a key
 * for SSH; over HTTP(S) a connect and a read limit, over SSH and git:// the read limit for both
 * (JGit has one timeout there). An SSH key is written to a private temporary directory only while
 * the transport is open.
 */
final class GitTransport implements AutoCloseable {
  private final GitCredentials credentials;
  private final ConnectionTimeouts timeouts;
  private final TimedHttpConnections httpConnections;
  private Path sshDir;
  private SshdSessionFactory sshFactory;

  GitTransport(GitRemote remote) {
    this.credentials = remote.credentials();
    this.timeouts = remote.timeouts();
    this.httpConnections = new TimedHttpConnections(timeouts);
  }

  <C extends TransportCommand<C, ?>> C configure(C command) {
    command.setTimeout(timeoutSeconds());
    if (credentials instanceof GitCredentials.UsernamePassword basic) {
      command.setCredentialsProvider(
          new UsernamePasswordCredentialsProvider(basic.username(), basic.password()));
    }
    command.setTransportConfigCallback(this::configureConnections);
    return command;
  }

  void configure(Transport transport) {
    transport.setTimeout(timeoutSeconds());
    if (credentials instanceof GitCredentials.UsernamePassword basic) {
      transport.setCredentialsProvider(
          new UsernamePasswordCredentialsProvider(basic.username(), basic.password()));
    }
    configureConnections(transport);
  }

  private void configureConnections(Transport transport) {
    if (transport instanceof TransportHttp http) {
      http.setHttpConnectionFactory(httpConnections);
    } else if (credentials instanceof GitCredentials.SshKey key
        && transport instanceof SshTransport ssh) {
      ssh.setSshSessionFactory(sshFactory(key));
    }
  }

  /**
   * JGit's single timeout, whole seconds: the read limit, which HTTP connections replace with both
   * limits.
   */
  private int timeoutSeconds() {
    return (int)
        Math.max(1, Math.min(Integer.MAX_VALUE, (timeouts.read().toMillis() + 999) / 1000));
  }

  private synchronized SshdSessionFactory sshFactory(GitCredentials.SshKey key) {
    if (sshFactory == null) {
      try {
        sshDir =
            Files.createTempDirectory(
                "promotion-ssh-",
                PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      Path identity = sshDir.resolve("id_key");
      Path knownHosts = sshDir.resolve("known_hosts");
      writePrivate(identity, key.privateKey());
      writePrivate(knownHosts, key.knownHosts() == null ? "" : key.knownHosts());
      sshFactory =
          new SshdSessionFactoryBuilder()
              .setHomeDirectory(sshDir.toFile())
              .setSshDirectory(sshDir.toFile())
              .setDefaultIdentities(dir -> List.of(identity))
              .setDefaultKnownHostsFiles(dir -> List.of(knownHosts))
              .build(new JGitKeyCache());
    }
    return sshFactory;
  }

  private static void writePrivate(Path file, String content) {
    try {
      Files.writeString(
          file, content.endsWith("\n") ? content : content + "\n", StandardCharsets.UTF_8);
      Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Closes the SSH sessions and removes the key from disk. */
  @Override
  public synchronized void close() {
    if (sshFactory != null) {
      sshFactory.close();
      sshFactory = null;
    }
    if (sshDir != null) {
      try (Stream<Path> files = Files.walk(sshDir)) {
        files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      sshDir = null;
    }
  }
}
