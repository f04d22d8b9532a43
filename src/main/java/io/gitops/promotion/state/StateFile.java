package io.gitops.promotion.state;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.snakeyaml.engine.v2.api.Dump;
import org.snakeyaml.engine.v2.api.DumpSettings;
import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.common.FlowStyle;
import org.snakeyaml.engine.v2.common.ScalarStyle;
import org.snakeyaml.engine.v2.exceptions.YamlEngineException;

/**
 * {@code promote-state.yaml}: the latest promotion of each group into each environment, nested as
 * {@code environments -> <ENV> -> <group> -> {promotion, pre_state, post_state}}. Also reads the
 * pipeline's legacy flat format (top-level {@code promotion}, {@code pre_state}, {@code post_state});
 * writing always produces the nested format and keeps the legacy entry in it. Machine-owned: it is
 * re-rendered on every write, and every entry it does not touch is kept as read.
 */
public final class StateFile {
  private static final String ENVIRONMENTS = "environments";
  /** Far above snakeyaml-engine's 3 MiB default: a repository of thousands of services must never be locked out. */
  private static final int MAX_CODE_POINTS = 256 * 1024 * 1024;

  private static final String HEADER =
      "# Written by promotion-operator: the latest promotion of each group into each environment.\n";

  private final Map<String, Object> root;
  /** The file as read (or as written by {@link #withEntry}); null when it must be rendered from {@link #root}. */
  private final String text;

  private StateFile(Map<String, Object> root, String text) {
    this.root = root;
    this.text = text;
  }

  public static StateFile empty() {
    return new StateFile(new LinkedHashMap<>(), null);
  }

  public static StateFile parse(String text) {
    if (text == null || text.isBlank()) {
      return empty();
    }
    Object loaded;
    try {
      loaded = new Load(settings()).loadFromString(text);
    } catch (YamlEngineException e) {
      throw new StateFormatException("state file is not valid YAML: " + e.getMessage(), e);
    }
    if (loaded == null) {
      return empty();
    }
    if (!(loaded instanceof Map<?, ?> map)) {
      throw new StateFormatException("state file must be a mapping at the top level");
    }
    Map<String, Object> root = StateCodec.stringKeys(map, "state file");
    return isLegacy(root) ? new StateFile(nestLegacy(root), null) : new StateFile(root, text);
  }

  /**
   * Every scalar is read as the string the file holds (the failsafe schema): {@code 1.10} stays
   * {@code 1.10}, {@code ~} stays {@code ~}, as the overlays are read.
   */
  private static LoadSettings settings() {
    return LoadSettings.builder().setAllowDuplicateKeys(false).setCodePointLimit(MAX_CODE_POINTS)
        .setSchema(new org.snakeyaml.engine.v2.schema.FailsafeSchema()).build();
  }

  /** Whether the text uses the legacy flat format of the pipeline. */
  public static boolean isLegacy(Map<String, Object> root) {
    return root.containsKey("promotion") && root.containsKey("pre_state") && !root.containsKey(ENVIRONMENTS);
  }

  /** The latest promotion recorded for a group in an environment. */
  public Optional<StateEntry> entry(String environment, String group) {
    Object groupEntry = environmentEntries(environment).get(group);
    if (groupEntry == null) {
      return Optional.empty();
    }
    return Optional.of(StateCodec.decodeEntry(group, groupEntry, environment + "/" + group));
  }

  /** A copy with the entry of the group in the environment replaced; every other entry kept. */
  public StateFile withEntry(String environment, StateEntry entry) {
    Object existing = environmentEntries(environment).get(entry.group());
    if (existing != null && !(existing instanceof Map<?, ?>)) {
      throw new StateFormatException("state file: environments." + environment + "." + entry.group() + " must be a mapping");
    }
    Map<String, Object> copy = deepCopy(root);
    Map<String, Object> envs = childMap(copy, ENVIRONMENTS);
    Map<String, Object> groups = childMap(envs, environment);
    groups.put(entry.group(), StateCodec.encodeEntry(entry));
    String base = text != null ? text : root.isEmpty() ? HEADER : null;
    String written = base == null ? null : StateFileSplice.withEntry(base, settings(), environment, entry).orElse(null);
    return new StateFile(copy, written);
  }

  /**
   * The file's text: as read with only the entries written since replaced or added, byte for byte
   * elsewhere; a file that could not be edited in place (the legacy flat format, flow style) is
   * rendered whole, in the plain style.
   */
  public String render() {
    if (text != null) {
      return text;
    }
    return renderWhole();
  }

  private String renderWhole() {
    DumpSettings settings = DumpSettings.builder()
        .setDefaultFlowStyle(FlowStyle.BLOCK)
        .setDefaultScalarStyle(ScalarStyle.PLAIN)
        .setIndent(2)
        .setIndicatorIndent(0)
        .setWidth(200)
        .build();
    return HEADER + new Dump(settings).dumpToString(root);
  }

  private Map<String, Object> environmentEntries(String environment) {
    Object envs = root.get(ENVIRONMENTS);
    if (envs == null) {
      return Map.of();
    }
    if (!(envs instanceof Map<?, ?> envMap)) {
      throw new StateFormatException("state file: 'environments' must be a mapping");
    }
    Object groups = envMap.get(environment);
    if (groups == null) {
      return Map.of();
    }
    if (!(groups instanceof Map<?, ?> groupMap)) {
      throw new StateFormatException("state file: environments." + environment + " must be a mapping");
    }
    return StateCodec.stringKeys(groupMap, "environments." + environment);
  }

  /** A legacy file holds one promotion; it becomes the entry of its target environment and group. */
  private static Map<String, Object> nestLegacy(Map<String, Object> legacy) {
    Map<String, Object> promotion = StateCodec.stringKeys(
        StateCodec.requireMap(legacy.get("promotion"), "promotion"), "promotion");
    Object targetEnv = promotion.get("target_env");
    Map<String, Object> pre = StateCodec.stringKeys(StateCodec.requireMap(legacy.get("pre_state"), "pre_state"), "pre_state");
    if (targetEnv == null || pre.size() != 1) {
      throw new StateFormatException("legacy state file needs promotion.target_env and exactly one group in pre_state");
    }
    String group = pre.keySet().iterator().next();
    Map<String, Object> entry = new LinkedHashMap<>();
    entry.put("promotion", promotion);
    entry.put("pre_state", legacy.get("pre_state"));
    entry.put("post_state", legacy.get("post_state"));
    Map<String, Object> groups = new LinkedHashMap<>();
    groups.put(group, entry);
    Map<String, Object> envs = new LinkedHashMap<>();
    envs.put(targetEnv.toString(), groups);
    Map<String, Object> nested = new LinkedHashMap<>();
    nested.put(ENVIRONMENTS, envs);
    return nested;
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> childMap(Map<String, Object> parent, String key) {
    Object child = parent.get(key);
    if (child instanceof Map<?, ?>) {
      return (Map<String, Object>) child;
    }
    Map<String, Object> created = new LinkedHashMap<>();
    parent.put(key, created);
    return created;
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> deepCopy(Map<String, Object> map) {
    Map<String, Object> copy = new LinkedHashMap<>();
    map.forEach((k, v) -> copy.put(k, v instanceof Map<?, ?> m ? deepCopy((Map<String, Object>) m) : v));
    return copy;
  }
}
