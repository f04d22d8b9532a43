package io.gitops.promotion.layout;

import io.gitops.promotion.config.Environment;
import io.gitops.promotion.engine.PlainName;
import io.gitops.promotion.yaml.ImageTagGrammar;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The specification's layout: {@code <workloads>/<group>/<service>/overlays/<dir>/values.yaml},
 * whose {@code applications[].image.tag} are promoted, and the state file {@code
 * <workloads>/promote-state.yaml}. Paths it returns are relative to the repository root and use
 * '/'.
 */
public record OverlaysLayout(String workloadsDir, Set<String> requireDigest) implements Layout {
  public static final String KIND = "overlays";
  public static final String STATE_FILE_NAME = "promote-state.yaml";

  public OverlaysLayout {
    workloadsDir =
        workloadsDir == null || workloadsDir.isBlank() ? "workloads" : stripSlashes(workloadsDir);
    requireDigest = requireDigest == null ? Set.of() : Set.copyOf(requireDigest);
  }

  public OverlaysLayout(String workloadsDir) {
    this(workloadsDir, Set.of());
  }

  /**
   * Tags as the specification has them, or pinned ({@code 1.5.0@sha256:...}); never image names.
   */
  @Override
  public Optional<String> valueProblem(String value) {
    return ImageTagGrammar.problemWithDigest(value);
  }

  public static OverlaysLayout defaults() {
    return new OverlaysLayout("workloads");
  }

  public String overlay(String group, String service, Environment env) {
    return workloadsDir + "/" + group + "/" + service + "/overlays/" + env.dir() + "/values.yaml";
  }

  @Override
  public String stateFile() {
    return workloadsDir + "/" + STATE_FILE_NAME;
  }

  @Override
  public String kind() {
    return KIND;
  }

  @Override
  public String root() {
    return workloadsDir;
  }

  @Override
  public String valuesPath(String group, String service, Environment env) {
    return overlay(group, service, env);
  }

  @Override
  public ValuesFile parse(String path, String text) {
    return OverlayValues.parse(path, text);
  }

  /** The directories of a group whose names are plain, sorted; the others are reported. */
  @Override
  public List<String> services(RepositoryFiles files, String group, List<String> warnings) {
    List<String> services = new ArrayList<>();
    for (String dir : files.directories(workloadsDir + "/" + group)) {
      if (PlainName.isPlain(dir)) {
        services.add(dir);
      } else {
        warnings.add(
            "directory '" + dir + "' of group " + group + " is not a plain service name; skipped");
      }
    }
    return services;
  }

  private static String stripSlashes(String dir) {
    String d = dir.trim();
    while (d.startsWith("/")) {
      d = d.substring(1);
    }
    while (d.endsWith("/")) {
      d = d.substring(0, d.length() - 1);
    }
    return d;
  }
}
