package io.gitops.promotion.layout;

import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.BiFunction;

/**
 * The registry of repository layouts, by the kind configuration names: each entry makes the layout
 * of a repository from its configured {@link LayoutSettings} and its directory of workload groups
 * (which only {@code overlays} uses).
 */
public final class Layouts {
  public static final String DEFAULT = OverlaysLayout.KIND;
  public static final String KUSTOMIZE = KustomizeImages.KIND;
  public static final String ARGOCD_APPLICATION = ApplicationSources.KIND;
  public static final String HELM_VALUES = HelmValuePaths.KIND;

  private static final Map<String, BiFunction<LayoutSettings, String, Layout>> KINDS =
      Map.of(
          OverlaysLayout.KIND,
          (settings, root) -> new OverlaysLayout(root, settings.requireDigest()),
          KUSTOMIZE,
          (settings, root) ->
              new TemplatedLayout(
                  settings, (path, text) -> KustomizeImages.parse(path, text, settings.newName())),
          ARGOCD_APPLICATION,
          (settings, root) -> new TemplatedLayout(settings, ApplicationSources::parse),
          HELM_VALUES,
          (settings, root) ->
              new TemplatedLayout(
                  settings, (path, text) -> HelmValuePaths.parse(path, text, settings.paths())));

  private Layouts() {}

  /** The layout of a kind with its defaults, empty when no layout has that name. */
  public static Optional<Layout> of(String kind, String root) {
    return of(LayoutSettings.of(kind == null ? DEFAULT : kind), root);
  }

  /**
   * The configured layout; empty when no layout has the settings' kind, or a templated one has no
   * path.
   */
  public static Optional<Layout> of(LayoutSettings settings, String root) {
    if (settings.path() == null && !OverlaysLayout.KIND.equals(settings.kind())) {
      return Optional.empty();
    }
    return Optional.ofNullable(KINDS.get(settings.kind())).map(make -> make.apply(settings, root));
  }

  public static Set<String> kinds() {
    return new TreeSet<>(KINDS.keySet());
  }
}
