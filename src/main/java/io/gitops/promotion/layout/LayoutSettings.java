package io.gitops.promotion.layout;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A repository's {@code layout} as configured: its kind and what that kind needs. The plain string
 * form {@code layout: overlays} is the kind alone with the defaults.
 *
 * @param kind {@code overlays}, {@code kustomize}, {@code argocdApplication} or {@code helmValues}
 * @param path the file of a service in an environment, a {@link PathTemplate}; null for {@code
 *     overlays}
 * @param groups the services of each workload group, when they are listed rather than read from
 *     directories; empty otherwise
 * @param clusters the {@code {cluster}} of each environment, by environment name
 * @param stateFile the state file from the repository root; null for the kind's default
 * @param newName whether a kustomize promotion copies {@code newName} too
 * @param paths the YAML paths a {@code helmValues} promotion copies, e.g. {@code image.tag}
 * @param requireDigest the environments (by name) a promotion may only bring applications pinned to
 *     a digest
 */
public record LayoutSettings(
    String kind,
    String path,
    Map<String, List<String>> groups,
    Map<String, String> clusters,
    String stateFile,
    boolean newName,
    List<String> paths,
    Set<String> requireDigest) {
  /** The state file of a templated layout when none is configured, at the repository root. */
  public static final String DEFAULT_STATE_FILE = "promote-state.yaml";

  public LayoutSettings {
    groups = groups == null ? Map.of() : Map.copyOf(groups);
    clusters = clusters == null ? Map.of() : Map.copyOf(clusters);
    paths = paths == null ? List.of() : List.copyOf(paths);
    requireDigest = requireDigest == null ? Set.of() : Set.copyOf(requireDigest);
  }

  /** A kind with nothing else configured, as {@code layout: overlays} says. */
  public static LayoutSettings of(String kind) {
    return new LayoutSettings(kind, null, Map.of(), Map.of(), null, false, List.of(), Set.of());
  }
}
