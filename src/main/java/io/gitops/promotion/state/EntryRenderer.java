package io.gitops.promotion.state;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Renders one state entry ({@code promotion}, {@code pre_state}, {@code post_state}, {@code
 * rollbacks}) as block-style YAML lines, indented relative to the entry's own keys, with scalars
 * written by {@link StateScalars}. Metadata fields that are null are left out; the reader reads a
 * missing field as null.
 */
final class EntryRenderer {

  private final List<String> lines = new ArrayList<>();

  private EntryRenderer() {}

  /** The entry's lines; the first one is {@code promotion:} at indentation 0. */
  static List<String> render(StateEntry entry) {
    EntryRenderer renderer = new EntryRenderer();
    renderer.promotion(entry.promotion());
    renderer.snapshot("pre_state", entry.group(), entry.preState());
    renderer.snapshot("post_state", entry.group(), entry.postState());
    renderer.rollbacks(entry.rollbacks());
    return List.copyOf(renderer.lines);
  }

  /** {@code <key>:} followed by the entry's lines one level deeper. */
  static List<String> underKey(String key, List<String> children) {
    List<String> out = new ArrayList<>(children.size() + 1);
    out.add(StateScalars.write(key) + ":");
    children.forEach(line -> out.add("  " + line));
    return out;
  }

  private void promotion(PromotionRecord p) {
    lines.add("promotion:");
    field(2, "version", p.version());
    field(2, "id", p.id());
    field(2, "source_env", p.sourceEnv());
    field(2, "target_env", p.targetEnv());
    field(2, "created_at", instant(p.createdAt()));
    field(2, "created_by", p.createdBy());
    field(2, "tag", p.tag());
    if (p.forcedReason() != null) {
      lines.add("  forced: true");
      field(2, "reason", p.forcedReason());
    }
  }

  private void snapshot(String key, String group, TagSnapshot snapshot) {
    lines.add(key + ":");
    if (snapshot.isEmpty()) {
      lines.add("  " + StateScalars.write(group) + ": {}");
      return;
    }
    lines.add("  " + StateScalars.write(group) + ":");
    for (Map.Entry<String, Map<String, String>> service : snapshot.services().entrySet()) {
      if (service.getValue().isEmpty()) {
        lines.add("    " + StateScalars.write(service.getKey()) + ": {}");
        continue;
      }
      lines.add("    " + StateScalars.write(service.getKey()) + ":");
      service
          .getValue()
          .forEach(
              (app, tag) ->
                  lines.add("      " + StateScalars.write(app) + ": " + StateScalars.write(tag)));
    }
  }

  private void rollbacks(List<RollbackRecord> rollbacks) {
    if (rollbacks.isEmpty()) {
      return;
    }
    lines.add("rollbacks:");
    for (RollbackRecord r : rollbacks) {
      int first = lines.size();
      field(4, "id", r.id());
      field(4, "promotion_id", r.promotionId());
      field(4, "created_at", instant(r.createdAt()));
      field(4, "created_by", r.createdBy());
      field(4, "forced_reason", r.forcedReason());
      if (lines.size() == first) {
        lines.add("  - {}");
      } else {
        lines.set(first, "  - " + lines.get(first).substring(4));
      }
    }
  }

  private void field(int indent, String key, String value) {
    if (value != null) {
      lines.add(" ".repeat(indent) + key + ": " + StateScalars.write(value));
    }
  }

  private static String instant(Instant instant) {
    return instant == null ? null : instant.toString();
  }
}
