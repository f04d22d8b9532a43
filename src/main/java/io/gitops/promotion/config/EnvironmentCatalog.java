package io.gitops.promotion.config;

import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The known environments and the linear promotion path among them (DEV -> TST -> STG -> PRD by
 * default). Environments off the path, such as DFT, exist for forced promotions and deployments.
 */
public final class EnvironmentCatalog {
  private final List<Environment> environments;
  private final List<Environment> path;

  public EnvironmentCatalog(List<Environment> environments, List<Environment> path) {
    if (environments.isEmpty()) {
      throw new IllegalArgumentException("at least one environment is required");
    }
    for (Environment step : path) {
      if (!environments.contains(step)) {
        throw new IllegalArgumentException(
            "promotion path names an unknown environment: " + step.name());
      }
    }
    this.environments = List.copyOf(environments);
    this.path = List.copyOf(path);
  }

  /**
   * The specification's environments DFT, DEV, TST, STG, PRD with the path DEV -> TST -> STG ->
   * PRD.
   */
  public static EnvironmentCatalog defaults() {
    List<Environment> all =
        List.of(
            new Environment("DFT", "dft", "development"),
            new Environment("DEV", "dev", "development"),
            new Environment("TST", "tst", "testing"),
            new Environment("STG", "stg", "staging"),
            new Environment("PRD", "prd", "production"));
    return new EnvironmentCatalog(all, all.subList(1, all.size()));
  }

  /** Looks an environment up by name, ignoring case. */
  public Optional<Environment> find(String name) {
    if (name == null) {
      return Optional.empty();
    }
    return environments.stream().filter(e -> e.name().equalsIgnoreCase(name.trim())).findFirst();
  }

  /** Whether target directly follows source on the promotion path. */
  public boolean isLinearStep(Environment source, Environment target) {
    int from = path.indexOf(source);
    return from >= 0 && from + 1 < path.size() && path.get(from + 1).equals(target);
  }

  public List<Environment> all() {
    return environments;
  }

  public List<Environment> path() {
    return path;
  }

  public String names() {
    return environments.stream().map(Environment::name).collect(Collectors.joining(", "));
  }
}
