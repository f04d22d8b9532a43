package io.gitops.promotion.state;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Converts state entries to and from the plain maps of the state file's YAML. */
final class StateCodec {
  private StateCodec() {}

  static Map<String, Object> encodeEntry(StateEntry entry) {
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("promotion", encodePromotion(entry.promotion()));
    out.put("pre_state", Map.of(entry.group(), entry.preState().services()));
    out.put("post_state", Map.of(entry.group(), entry.postState().services()));
    if (!entry.rollbacks().isEmpty()) {
      List<Object> rollbacks = new ArrayList<>();
      for (RollbackRecord r : entry.rollbacks()) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", r.id());
        m.put("promotion_id", r.promotionId());
        m.put("created_at", r.createdAt().toString());
        m.put("created_by", r.createdBy());
        if (r.forcedReason() != null) {
          m.put("forced_reason", r.forcedReason());
        }
        rollbacks.add(m);
      }
      out.put("rollbacks", rollbacks);
    }
    return out;
  }

  private static Map<String, Object> encodePromotion(PromotionRecord p) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("version", p.version());
    m.put("id", p.id());
    m.put("source_env", p.sourceEnv());
    m.put("target_env", p.targetEnv());
    m.put("created_at", p.createdAt().toString());
    m.put("created_by", p.createdBy());
    m.put("tag", p.tag());
    if (p.forcedReason() != null) {
      m.put("forced", true);
      m.put("reason", p.forcedReason());
    }
    return m;
  }

  static StateEntry decodeEntry(String group, Object raw, String where) {
    Map<String, Object> entry = stringKeys(requireMap(raw, where), where);
    Map<String, Object> p = stringKeys(requireMap(entry.get("promotion"), where + ".promotion"), where + ".promotion");
    PromotionRecord promotion = new PromotionRecord(
        text(p.get("id"), text(p.get("pipeline_id"), null)),
        text(p.get("version"), null),
        text(p.get("source_env"), null),
        text(p.get("target_env"), null),
        instant(p.get("created_at"), where),
        text(p.get("created_by"), null),
        text(p.get("tag"), null),
        "true".equalsIgnoreCase(text(p.get("forced"), "false")) ? text(p.get("reason"), "") : null);
    List<RollbackRecord> rollbacks = new ArrayList<>();
    if (entry.get("rollbacks") instanceof List<?> list) {
      for (Object item : list) {
        Map<String, Object> r = stringKeys(requireMap(item, where + ".rollbacks[]"), where + ".rollbacks[]");
        rollbacks.add(new RollbackRecord(text(r.get("id"), null), text(r.get("promotion_id"), null),
            instant(r.get("created_at"), where), text(r.get("created_by"), null), text(r.get("forced_reason"), null)));
      }
    }
    return new StateEntry(group, promotion,
        snapshot(entry.get("pre_state"), group, where + ".pre_state"),
        snapshot(entry.get("post_state"), group, where + ".post_state"),
        rollbacks);
  }

  private static TagSnapshot snapshot(Object raw, String group, String where) {
    if (raw == null) {
      return TagSnapshot.of(Map.of());
    }
    Map<String, Object> groups = stringKeys(requireMap(raw, where), where);
    Object services = groups.get(group);
    if (services == null) {
      return TagSnapshot.of(Map.of());
    }
    TagSnapshot.Builder builder = TagSnapshot.builder();
    stringKeys(requireMap(services, where + "." + group), where).forEach((service, apps) ->
        stringKeys(requireMap(apps, where + "." + group + "." + service), where).forEach((app, tag) ->
            builder.put(service, app, text(tag, null))));
    return builder.build();
  }

  static Map<?, ?> requireMap(Object value, String where) {
    if (value instanceof Map<?, ?> map) {
      return map;
    }
    throw new StateFormatException("state file: " + where + " must be a mapping");
  }

  static Map<String, Object> stringKeys(Map<?, ?> map, String where) {
    Map<String, Object> out = new LinkedHashMap<>();
    map.forEach((k, v) -> out.put(String.valueOf(k), v));
    return out;
  }

  private static String text(Object value, String fallback) {
    return value == null ? fallback : value.toString();
  }

  private static Instant instant(Object value, String where) {
    if (value == null) {
      return null;
    }
    try {
      return Instant.parse(value.toString());
    } catch (DateTimeParseException e) {
      throw new StateFormatException("state file: " + where + ".created_at is not an ISO-8601 instant: " + value, e);
    }
  }
}
