package io.gitops.promotion.config;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** Reads a {@code mergeRequest} block, of a repository or of an environment. */
final class MergeRequestSection {
  static final Set<String> KEYS =
      Set.of(
          "labels",
          "reviewers",
          "assignees",
          "squash",
          "removeSourceBranch",
          "autoMerge",
          "draft",
          "timeLimit",
          "pollInterval",
          "maxPollInterval");

  private MergeRequestSection() {}

  /** The settings the block gives; null when there is no block. */
  static MergeRequestSettings read(ConfigNode node) {
    if (node == null) {
      return null;
    }
    node.allowOnly(KEYS);
    MergeRequestSettings d = MergeRequestSettings.DEFAULT;
    Duration interval = duration(node, "pollInterval", d.pollInterval());
    Duration max = duration(node, "maxPollInterval", d.maxPollInterval());
    if (interval != null && max != null && max.compareTo(interval) < 0) {
      node.problem("maxPollInterval", "must not be shorter than pollInterval");
    }
    return new MergeRequestSettings(
        names(node, "labels"),
        names(node, "reviewers"),
        names(node, "assignees"),
        Boolean.TRUE.equals(node.bool("squash", d.squash())),
        Boolean.TRUE.equals(node.bool("removeSourceBranch", d.removeSourceBranch())),
        Boolean.TRUE.equals(node.bool("autoMerge", d.autoMerge())),
        Boolean.TRUE.equals(node.bool("draft", d.draft())),
        duration(node, "timeLimit", null),
        interval == null ? d.pollInterval() : interval,
        max == null ? d.maxPollInterval() : max);
  }

  private static List<String> names(ConfigNode node, String key) {
    List<String> names = node.strings(key);
    if (names == null) {
      return List.of();
    }
    for (String name : names) {
      if (name.isBlank() || name.contains(",")) {
        node.problem(key, "'" + name + "' is not a name (no commas)");
      }
    }
    return names;
  }

  private static Duration duration(ConfigNode node, String key, Duration fallback) {
    String text = node.string(key);
    if (text == null) {
      return fallback;
    }
    Optional<RollbackWindow> parsed = RollbackWindow.parse(text);
    if (parsed.isEmpty() || parsed.get().isUnlimited()) {
      node.problem(key, "'" + text + "' is not a duration such as 30s, 15m or 72h");
      return fallback;
    }
    return parsed.get().duration();
  }
}
