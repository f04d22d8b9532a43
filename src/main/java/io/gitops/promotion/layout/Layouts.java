package io.gitops.promotion.layout;

import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;

/**
 * The registry of repository layouts, by the kind configuration names: each entry makes the layout
 * of a repository from its directory of workload groups.
 */
public final class Layouts {
  public static final String DEFAULT = OverlaysLayout.KIND;
  private static final Map<String, Function<String, Layout>> KINDS = Map.of(OverlaysLayout.KIND, OverlaysLayout::new);

  private Layouts() {}

  /** The layout of a kind, empty when no layout has that name. */
  public static Optional<Layout> of(String kind, String root) {
    return Optional.ofNullable(KINDS.get(kind == null ? DEFAULT : kind)).map(make -> make.apply(root));
  }

  public static Set<String> kinds() {
    return new TreeSet<>(KINDS.keySet());
  }
}
