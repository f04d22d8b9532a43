package io.gitops.promotion.config;

import java.util.List;

/**
 * The operator configuration cannot be used. Lists every problem found, each prefixed with the key
 * path it is about ({@code repositories[1].url: is required}), so one start shows them all.
 */
public final class ConfigException extends RuntimeException {
  private final List<String> problems;

  public ConfigException(String source, List<String> problems) {
    super("invalid operator configuration " + source + ":\n  - " + String.join("\n  - ", problems));
    this.problems = List.copyOf(problems);
  }

  public List<String> problems() {
    return problems;
  }
}
