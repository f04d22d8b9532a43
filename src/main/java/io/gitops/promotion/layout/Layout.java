package io.gitops.promotion.layout;

import io.gitops.promotion.config.Environment;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The edits seam: where a repository keeps the promotable values of each service of a workload
 * group in each environment, and how such a file is read and changed byte-exactly. The planners
 * know only this interface; a new repository layout is one implementation and one entry in {@link
 * Layouts}.
 */
public interface Layout {
  /** The name configuration selects it by, e.g. {@code overlays}. */
  String kind();

  /**
   * The directory holding the workload groups, from the repository root; the diff of a resumed run
   * is taken under it.
   */
  String root();

  /** The state file's path from the repository root. */
  String stateFile();

  /**
   * The services of a group, sorted; names this layout cannot use are left out with a warning.
   *
   * @param warnings where a service left out is reported
   */
  List<String> services(RepositoryFiles files, String group, List<String> warnings);

  /** The file holding a service's promotable values in an environment, from the repository root. */
  String valuesPath(String group, String service, Environment env);

  /**
   * Reads a values file.
   *
   * @throws io.gitops.promotion.engine.RequestRejectedException with {@code InvalidOverlay} when
   *     the file cannot be read safely; the message names the path
   */
  ValuesFile parse(String path, String text);

  /** Where the services of a group are looked for, for messages: {@code workloads/tbd-test}. */
  default String groupLocation(String group) {
    return root() + "/" + group;
  }

  /** The environments (by name) into which only applications pinned to a digest may be promoted. */
  default Set<String> requireDigest() {
    return Set.of();
  }

  /**
   * Why a value read from a file must not be copied (see {@link ImageVersion#problem}); empty when
   * it may. A layout whose values are not image versions says so here.
   */
  default Optional<String> valueProblem(String value) {
    return ImageVersion.problem(value);
  }
}
