package io.gitops.promotion.cli;

import io.gitops.promotion.config.ConnectionTimeouts;
import java.time.Duration;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Option;
import picocli.CommandLine.TypeConversionException;

/**
 * Connect and read limits of the Git and GitLab connections of a command. A flag wins over the
 * {@code git}/{@code gitlab} block of {@code --config}, which wins over the defaults (30s, 5m).
 */
final class TimeoutOptions {
  @Option(
      names = "--git-connect-timeout",
      paramLabel = "<duration>",
      converter = PositiveDuration.class,
      description =
          "Limit of opening a Git connection, e.g. 30s (default: git.connectTimeout of --config, else 30s).")
  Duration gitConnect;

  @Option(
      names = "--git-read-timeout",
      paramLabel = "<duration>",
      converter = PositiveDuration.class,
      description =
          "How long a Git remote may stay silent, e.g. 5m (default: git.readTimeout of --config, else 5m).")
  Duration gitRead;

  @Option(
      names = "--gitlab-connect-timeout",
      paramLabel = "<duration>",
      converter = PositiveDuration.class,
      description =
          "Limit of opening a GitLab connection (default: gitlab.connectTimeout of --config, else 30s).")
  Duration gitlabConnect;

  @Option(
      names = "--gitlab-read-timeout",
      paramLabel = "<duration>",
      converter = PositiveDuration.class,
      description =
          "How long GitLab may stay silent (default: gitlab.readTimeout of --config, else 5m).")
  Duration gitlabRead;

  ConnectionTimeouts git(ConnectionTimeouts configured) {
    return override(configured, gitConnect, gitRead);
  }

  ConnectionTimeouts gitlab(ConnectionTimeouts configured) {
    return override(configured, gitlabConnect, gitlabRead);
  }

  private static ConnectionTimeouts override(
      ConnectionTimeouts configured, Duration connect, Duration read) {
    return new ConnectionTimeouts(
        connect == null ? configured.connect() : connect, read == null ? configured.read() : read);
  }

  /** 30s, 5m, 1h or an ISO-8601 duration; zero and anything else is refused (exit 2). */
  static final class PositiveDuration implements ITypeConverter<Duration> {
    @Override
    public Duration convert(String value) {
      return ConnectionTimeouts.parse(value)
          .orElseThrow(
              () ->
                  new TypeConversionException(
                      "'" + value + "' is not a positive duration such as 30s or 5m"));
    }
  }
}
