package io.gitops.promotion.promotion;

import io.gitops.promotion.config.Environment;
import java.util.List;

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

  /** The directory of a group, from the repository root. */
  public String groupDir(String group) {
    return workloadsDir + "/" + group;
  }

  /** The directories of a group, sorted by name; names that are not plain are the caller's to report. */
  public List<String> serviceDirectories(RepositoryFiles files, String group) {
    return files.directories(groupDir(group));
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
