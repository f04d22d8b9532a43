package io.gitops.promotion.config;

import io.gitops.promotion.layout.LayoutSettings;
import io.gitops.promotion.layout.Layouts;
import io.gitops.promotion.layout.PathTemplate;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads and checks a repository's {@code layout}: a kind ({@code layout: overlays}) or a mapping
 * ({@code layout: {kind: kustomize, path: apps/{service}/overlays/{env}/kustomization.yaml}}).
 * Unknown placeholders, a path leaving the repository, a group listing no service and a layout that
 * cannot find the services of a group are configuration errors.
 */
final class LayoutSection {
  private static final Set<String> KEYS =
      Set.of(
          "kind", "path", "groups", "clusters", "stateFile", "newName", "paths", "requireDigest");

  private LayoutSection() {}

  static LayoutSettings read(ConfigNode repository) {
    if (!repository.isMapping("layout")) {
      String kind = repository.string("layout", RepositoryConfig.DEFAULT_LAYOUT);
      if (kind != null && !Layouts.kinds().contains(kind)) {
        repository.problem("layout", unknownKind(kind));
      } else if (kind != null && !kind.equals(Layouts.DEFAULT)) {
        repository.problem(
            "layout",
            "layout '" + kind + "' needs a path: write layout: {kind: " + kind + ", path: ...}");
      }
      return LayoutSettings.of(kind == null ? RepositoryConfig.DEFAULT_LAYOUT : kind);
    }
    ConfigNode node = repository.object("layout");
    node.allowOnly(KEYS);
    String kind = node.requiredString("kind");
    if (kind != null && !Layouts.kinds().contains(kind)) {
      node.problem("kind", unknownKind(kind));
    }
    Set<String> requireDigest = new LinkedHashSet<>(orEmpty(node.strings("requireDigest")));
    if (Layouts.DEFAULT.equals(kind)) {
      for (String key : List.of("path", "groups", "clusters", "stateFile", "newName", "paths")) {
        if (node.has(key)) {
          node.problem(key, "is not used by the overlays layout (it uses workloadsDir)");
        }
      }
      return new LayoutSettings(
          kind, null, Map.of(), Map.of(), null, false, List.of(), requireDigest);
    }
    String path = node.requiredString("path");
    Map<String, List<String>> groups = groups(node);
    Map<String, String> clusters = orEmpty(node.stringMap("clusters"));
    if (path != null) {
      PathTemplate.problems(path).forEach(problem -> node.problem("path", problem));
      checkServicesFound(node, new PathTemplate(path), groups);
      if (!clusters.isEmpty() && !path.contains("{cluster}")) {
        node.problem("clusters", "are given but path has no {cluster}");
      }
    }
    String stateFile = node.string("stateFile");
    if (stateFile != null && !NameRules.isRelativeDir(stateFile)) {
      node.problem(
          "stateFile",
          "'" + stateFile + "' is not a relative path of plain names inside the repository");
    }
    Boolean newName = node.bool("newName", false);
    if (Boolean.TRUE.equals(newName) && !Layouts.KUSTOMIZE.equals(kind)) {
      node.problem("newName", "is only used by the kustomize layout");
    }
    List<String> paths = orEmpty(node.strings("paths"));
    if (Layouts.HELM_VALUES.equals(kind) && paths.isEmpty()) {
      node.problem(
          "paths", "the helmValues layout needs the YAML paths it copies, e.g. [image.tag]");
    }
    if (!Layouts.HELM_VALUES.equals(kind) && !paths.isEmpty()) {
      node.problem("paths", "is only used by the helmValues layout");
    }
    for (String valuePath : paths) {
      if (!valuePath.matches("[A-Za-z0-9_-]+(\\.[A-Za-z0-9_-]+)*")) {
        node.problem("paths", "'" + valuePath + "' is not a dotted YAML path such as image.tag");
      }
    }
    return new LayoutSettings(
        kind,
        path,
        groups,
        clusters,
        stateFile,
        Boolean.TRUE.equals(newName),
        paths,
        requireDigest);
  }

  /**
   * What only the environments can tell: every environment has a {@code {cluster}} when the path
   * uses one, and {@code clusters} and {@code requireDigest} name known environments.
   */
  static void checkEnvironments(
      ConfigNode root, List<RepositoryConfig> repositories, EnvironmentCatalog environments) {
    for (int i = 0; i < repositories.size(); i++) {
      LayoutSettings layout = repositories.get(i).layout();
      String where = "repositories[" + i + "].layout";
      for (String env : layout.requireDigest()) {
        if (environments.find(env).isEmpty()) {
          root.problem(
              where + ".requireDigest",
              "'" + env + "' is not an environment; known: " + environments.names());
        }
      }
      layout.clusters().keySet().stream()
          .filter(env -> environments.find(env).isEmpty())
          .forEach(
              env ->
                  root.problem(
                      where + ".clusters",
                      "'" + env + "' is not an environment; known: " + environments.names()));
      if (layout.path() != null && layout.path().contains("{cluster}")) {
        environments.all().stream()
            .filter(env -> !layout.clusters().containsKey(env.name()))
            .forEach(
                env ->
                    root.problem(
                        where + ".clusters",
                        "environment " + env.name() + " has no cluster, but path uses {cluster}"));
      }
    }
  }

  private static void checkServicesFound(
      ConfigNode node, PathTemplate template, Map<String, List<String>> groups) {
    if (!groups.isEmpty() || node.has("groups")) {
      return;
    }
    if (!template.uses("group")) {
      node.problem(
          "groups",
          "are required: path has no {group}, so list the services of each workload group");
    } else if (template.servicesDirectory("group").isEmpty()) {
      node.problem(
          "groups",
          "are required: {service} in path is not a directory found from {group} alone,"
              + " so list the services of each workload group");
    }
  }

  private static Map<String, List<String>> groups(ConfigNode node) {
    ConfigNode groups = node.object("groups");
    Map<String, List<String>> services = new LinkedHashMap<>();
    if (groups == null) {
      return services;
    }
    for (String group : groups.keys()) {
      List<String> names = groups.strings(group);
      if (!NameRules.isPlain(group)) {
        groups.problem(group, "'" + group + "' is not a plain workload group name");
      } else if (names == null || names.isEmpty()) {
        groups.problem(group, "group '" + group + "' lists no services");
      } else {
        names.stream()
            .filter(name -> !NameRules.isPlain(name))
            .forEach(name -> groups.problem(group, "'" + name + "' is not a plain service name"));
        services.put(group, names);
      }
    }
    return services;
  }

  private static String unknownKind(String kind) {
    return "'" + kind + "' is not a layout; known layouts: " + String.join(", ", Layouts.kinds());
  }

  private static <T> List<T> orEmpty(List<T> list) {
    return list == null ? List.of() : list;
  }

  private static <K, V> Map<K, V> orEmpty(Map<K, V> map) {
    return map == null ? Map.of() : map;
  }
}
