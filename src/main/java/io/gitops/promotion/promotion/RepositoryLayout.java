package io.gitops.promotion.promotion;

import io.gitops.promotion.config.Environment;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * Where things live in a GitOps repository: {@code <workloads>/<group>/<service>/overlays/<dir>/values.yaml}
 * and the state file {@code <workloads>/promote-state.yaml}. Paths it returns are relative to the
 * repository root and use '/'.
 */
public record RepositoryLayout(String workloadsDir) {
  public static final String STATE_FILE_NAME = "promote-state.yaml";

  public RepositoryLayout {
    workloadsDir = workloadsDir == null || workloadsDir.isBlank() ? "workloads" : stripSlashes(workloadsDir);
  }

  public static RepositoryLayout defaults() {
    return new RepositoryLayout("workloads");
  }

  public String overlay(String group, String service, Environment env) {
    return workloadsDir + "/" + group + "/" + service + "/overlays/" + env.dir() + "/values.yaml";
  }

  public String stateFile() {
    return workloadsDir + "/" + STATE_FILE_NAME;
  }

  /** The services of a group: its sub-directories, sorted by name, hidden and non-plain names left out. */
  public List<String> services(Path repoRoot, String group) {
    Path groupDir = repoRoot.resolve(workloadsDir).resolve(group);
    if (!Files.isDirectory(groupDir)) {
      return List.of();
    }
    try (Stream<Path> children = Files.list(groupDir)) {
      return children.filter(Files::isDirectory)
          .map(p -> p.getFileName().toString())
          .filter(PlainName::isPlain)
          .sorted()
          .toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
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
