package io.gitops.promotion.config;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Reads {@code environments}, {@code promotionPath} and {@code releaseFrom}. Without {@code
 * environments} the specification's five apply with the path DEV -> TST -> STG -> PRD; with them,
 * the path defaults to all of them in order. {@code releaseFrom} defaults to DEV when there is one.
 * An environment's {@code gate} is {@code push} (the default) or {@code mergeRequest}, with an
 * optional {@code mergeRequest} block that replaces the repository's for it.
 */
final class EnvironmentsSection {
  private static final Set<String> KEYS = Set.of("name", "dir", "tier", "gate", "mergeRequest");
  private static final Set<String> GATES = Set.of(Environment.PUSH, Environment.MERGE_REQUEST);

  /** GitLab's deployment tiers. */
  private static final Set<String> TIERS =
      Set.of("production", "staging", "testing", "development", "other");

  private static final String DEFAULT_TIER = "other";

  private EnvironmentsSection() {}

  static EnvironmentCatalog catalog(ConfigNode root) {
    List<ConfigNode> nodes = root.objects("environments");
    boolean defaulted = nodes == null;
    List<Environment> environments =
        defaulted ? EnvironmentCatalog.defaults().all() : environments(root, nodes);
    if (environments.isEmpty()) {
      return EnvironmentCatalog.defaults();
    }
    List<String> pathNames = root.strings("promotionPath");
    List<Environment> path;
    if (pathNames == null) {
      path = defaulted ? EnvironmentCatalog.defaults().path() : environments;
    } else {
      path = names(root, "promotionPath", pathNames, environments);
    }
    return new EnvironmentCatalog(environments, path);
  }

  static List<Environment> releaseFrom(ConfigNode root, EnvironmentCatalog catalog) {
    List<String> names = root.strings("releaseFrom");
    if (names == null) {
      return catalog.find("DEV").map(List::of).orElse(List.of());
    }
    return names(root, "releaseFrom", names, catalog.all());
  }

  private static List<Environment> environments(ConfigNode root, List<ConfigNode> nodes) {
    if (nodes.isEmpty()) {
      root.problem(
          "environments", "must list at least one environment (or be left out for the defaults)");
    }
    List<Environment> environments = new ArrayList<>();
    Set<String> names = new HashSet<>();
    for (ConfigNode node : nodes) {
      node.allowOnly(KEYS);
      String name = node.requiredString("name");
      if (name == null) {
        continue;
      }
      if (!NameRules.isEnvironmentName(name)) {
        node.problem(
            "name",
            "'"
                + name
                + "' is not an environment name (a letter, then up to 15 letters or digits)");
        continue;
      }
      if (!names.add(name.toUpperCase(Locale.ROOT))) {
        node.problem("name", "duplicate environment '" + name + "'");
        continue;
      }
      String dir = node.string("dir", name.toLowerCase(Locale.ROOT));
      if (dir != null && !NameRules.isPlain(dir)) {
        node.problem(
            "dir", "'" + dir + "' is not a plain directory name (one path segment, no '..')");
      }
      String tier = node.string("tier", DEFAULT_TIER);
      if (tier != null && !TIERS.contains(tier)) {
        node.problem(
            "tier",
            "'"
                + tier
                + "' is not a GitLab deployment tier; one of "
                + String.join(", ", TIERS.stream().sorted().toList()));
      }
      String gate = node.string("gate", Environment.PUSH);
      if (gate != null && !GATES.contains(gate)) {
        node.problem(
            "gate",
            "'"
                + gate
                + "' is not a gate; one of "
                + String.join(", ", GATES.stream().sorted().toList()));
      }
      MergeRequestSettings mergeRequest = MergeRequestSection.read(node.object("mergeRequest"));
      if (dir != null && tier != null) {
        environments.add(
            new Environment(
                name, dir, tier, GATES.contains(gate) ? gate : Environment.PUSH, mergeRequest));
      }
    }
    return environments;
  }

  private static List<Environment> names(
      ConfigNode root, String key, List<String> names, List<Environment> known) {
    List<Environment> found = new ArrayList<>();
    for (int i = 0; i < names.size(); i++) {
      String name = names.get(i);
      Optional<Environment> environment =
          known.stream().filter(e -> e.name().equalsIgnoreCase(name)).findFirst();
      if (environment.isEmpty()) {
        root.problem(
            key + "[" + i + "]",
            "unknown environment '"
                + name
                + "'; known: "
                + String.join(", ", known.stream().map(Environment::name).toList()));
      } else if (found.contains(environment.get())) {
        root.problem(key + "[" + i + "]", "environment '" + name + "' is listed twice");
      } else {
        found.add(environment.get());
      }
    }
    return found;
  }
}
