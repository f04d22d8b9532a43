package io.gitops.promotion.git;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import org.eclipse.jgit.api.TransportCommand;
import org.eclipse.jgit.transport.SshTransport;
import org.eclipse.jgit.transport.UsernamePasswordCredentialsProvider;
import org.eclipse.jgit.transport.sshd.JGitKeyCache;
import org.eclipse.jgit.transport.sshd.SshdSessionFactory;
import org.eclipse.jgit.transport.sshd.SshdSessionFactoryBuilder;

/** Applies a remote's credentials to JGit transport commands: basic auth for HTTPS, a key for SSH. */
final class GitTransport {
  private final GitCredentials credentials;
  private final Path sshDir;
  private SshdSessionFactory sshFactory;

  GitTransport(GitRemote remote, Path sshDir) {
    this.credentials = remote.credentials();
    this.sshDir = sshDir;
  }

  <C extends TransportCommand<C, ?>> C configure(C command) {
    if (credentials instanceof GitCredentials.UsernamePassword basic) {
      command.setCredentialsProvider(new UsernamePasswordCredentialsProvider(basic.username(), basic.password()));
    } else if (credentials instanceof GitCredentials.SshKey key) {
      SshdSessionFactory factory = sshFactory(key);
      command.setTransportConfigCallback(transport -> {
        if (transport instanceof SshTransport ssh) {
          ssh.setSshSessionFactory(factory);
        }
      });
    }
    return command;
  }

  private synchronized SshdSessionFactory sshFactory(GitCredentials.SshKey key) {
    if (sshFactory == null) {
      Path identity = sshDir.resolve("id_key");
      Path knownHosts = sshDir.resolve("known_hosts");
      writePrivate(identity, key.privateKey());
      writePrivate(knownHosts, key.knownHosts() == null ? "" : key.knownHosts());
      sshFactory = new SshdSessionFactoryBuilder()
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
      Files.createDirectories(file.getParent());
      Files.writeString(file, content.endsWith("\n") ? content : content + "\n", StandardCharsets.UTF_8);
      Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
