package io.gitops.promotion.config;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.rbac.PolicyRule;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/** Reads the manifests under {@code deploy/} the way kubectl would, for tests that check them. */
final class DeployManifests {
  static final Path DIR = Path.of("deploy");
  private static final KubernetesSerialization SERIALIZATION = new KubernetesSerialization();

  private DeployManifests() {}

  /** Every resource of one file; documents are separated by {@code ---} lines. */
  static List<HasMetadata> read(Path file) {
    List<HasMetadata> resources = new ArrayList<>();
    try {
      for (String document : Files.readString(file).split("(?m)^---\\s*$")) {
        if (!document.replaceAll("(?m)^\\s*#.*$", "").isBlank()) {
          resources.add(SERIALIZATION.unmarshal(document, HasMetadata.class));
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return resources;
  }

  static <T extends HasMetadata> T only(String file, Class<T> type) {
    List<T> matches =
        read(DIR.resolve(file)).stream().filter(type::isInstance).map(type::cast).toList();
    if (matches.size() != 1) {
      throw new AssertionError(
          "expected one " + type.getSimpleName() + " in " + file + ", found " + matches.size());
    }
    return matches.get(0);
  }

  /**
   * RBAC rules flattened to {@code group/resource[names] -> verbs}, so two spellings of the same
   * grant compare equal.
   */
  static Map<String, Set<String>> grants(List<PolicyRule> rules) {
    Map<String, Set<String>> grants = new TreeMap<>();
    for (PolicyRule rule : rules) {
      for (String group : rule.getApiGroups()) {
        for (String resource : rule.getResources()) {
          String names =
              rule.getResourceNames() == null || rule.getResourceNames().isEmpty()
                  ? ""
                  : new TreeSet<>(rule.getResourceNames()).toString();
          grants
              .computeIfAbsent(group + "/" + resource + names, k -> new TreeSet<>())
              .addAll(rule.getVerbs());
        }
      }
    }
    return grants;
  }
}
