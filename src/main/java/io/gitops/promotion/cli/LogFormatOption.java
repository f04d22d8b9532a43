package io.gitops.promotion.cli;

import io.gitops.promotion.logging.LogFormat;
import java.util.Optional;
import picocli.CommandLine.Option;

/**
 * {@code --log-format text|json}: the shape of the log lines on stderr (reports on stdout are
 * unchanged).
 */
final class LogFormatOption {
  @Option(
      names = "--log-format",
      paramLabel = "<format>",
      description = "Log lines on stderr as text (default) or json, one object per line.")
  LogFormat format;

  /** Applies the flag, else {@code configured}. */
  void apply(LogFormat configured) {
    chosen().orElse(configured).apply();
  }

  Optional<LogFormat> chosen() {
    return Optional.ofNullable(format);
  }
}
