package io.gitops.promotion.config;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One mapping of the parsed configuration file, read by key with its path for messages. Every wrong
 * type, missing or unknown key is added to the shared problem list instead of thrown, so the loader
 * reports all problems at once; a value with a problem reads as absent.
 */
final class ConfigNode {
  private final String path;
  private final Map<?, ?> values;
  private final List<String> problems;

  private ConfigNode(String path, Map<?, ?> values, List<String> problems) {
    this.path = path;
    this.values = values;
    this.problems = problems;
  }

  /** The document root; a document that is not a mapping is a problem and reads as empty. */
  static ConfigNode root(Object document, List<String> problems) {
    if (document == null) {
      return new ConfigNode("", Map.of(), problems);
    }
    if (!(document instanceof Map<?, ?> map)) {
      problems.add("the file must be a YAML mapping of keys to values");
      return new ConfigNode("", Map.of(), problems);
    }
    return new ConfigNode("", map, problems);
  }

  /** Reports every key not in {@code known}, by name. */
  void allowOnly(Set<String> known) {
    for (Object key : values.keySet()) {
      if (!known.contains(String.valueOf(key))) {
        problem(
            String.valueOf(key),
            "unknown key '"
                + key
                + "'; known keys: "
                + String.join(", ", known.stream().sorted().toList()));
      }
    }
  }

  /** Whether the key holds a mapping (a string or list does not). */
  boolean isMapping(String key) {
    return values.get(key) instanceof Map<?, ?>;
  }

  /** The keys, in file order. */
  List<String> keys() {
    return values.keySet().stream().map(String::valueOf).toList();
  }

  boolean has(String key) {
    return values.get(key) != null;
  }

  /** A scalar as text (numbers included, {@code projectId: 1234}); null when absent. */
  String string(String key) {
    Object value = values.get(key);
    if (value == null) {
      return null;
    }
    if (value instanceof String || value instanceof Number) {
      String text = value.toString().trim();
      if (text.isEmpty()) {
        problem(key, "must not be empty");
        return null;
      }
      return text;
    }
    problem(key, "must be a string");
    return null;
  }

  /** Like {@link #string(String)}, reporting an absent key as required. */
  String requiredString(String key) {
    if (!has(key)) {
      problem(key, "is required");
      return null;
    }
    return string(key);
  }

  String string(String key, String fallback) {
    String value = string(key);
    return value == null ? fallback : value;
  }

  Integer integer(String key, int fallback) {
    Object value = values.get(key);
    if (value == null) {
      return fallback;
    }
    if (value instanceof Integer number) {
      return number;
    }
    problem(key, "must be a whole number");
    return null;
  }

  Boolean bool(String key, boolean fallback) {
    Object value = values.get(key);
    if (value == null) {
      return fallback;
    }
    if (value instanceof Boolean flag) {
      return flag;
    }
    problem(key, "must be true or false");
    return null;
  }

  /** A nested mapping, or null when absent. */
  ConfigNode object(String key) {
    Object value = values.get(key);
    if (value == null) {
      return null;
    }
    if (value instanceof Map<?, ?> map) {
      return new ConfigNode(path(key), map, problems);
    }
    problem(key, "must be a mapping");
    return null;
  }

  /** A list of mappings, or null when absent; entries that are not mappings are problems. */
  List<ConfigNode> objects(String key) {
    List<?> list = list(key);
    if (list == null) {
      return null;
    }
    List<ConfigNode> nodes = new ArrayList<>();
    for (int i = 0; i < list.size(); i++) {
      if (list.get(i) instanceof Map<?, ?> map) {
        nodes.add(new ConfigNode(path(key) + "[" + i + "]", map, problems));
      } else {
        problems.add(path(key) + "[" + i + "]: must be a mapping");
      }
    }
    return nodes;
  }

  /** A list of scalars as text, or null when absent. */
  List<String> strings(String key) {
    List<?> list = list(key);
    if (list == null) {
      return null;
    }
    List<String> texts = new ArrayList<>();
    for (int i = 0; i < list.size(); i++) {
      Object item = list.get(i);
      if (item instanceof String || item instanceof Number) {
        texts.add(item.toString().trim());
      } else {
        problems.add(path(key) + "[" + i + "]: must be a string");
      }
    }
    return texts;
  }

  /** A mapping of text to text, in file order, or null when absent. */
  Map<String, String> stringMap(String key) {
    ConfigNode node = object(key);
    if (node == null) {
      return null;
    }
    Map<String, String> map = new LinkedHashMap<>();
    for (Object entry : node.values.keySet()) {
      String text = node.string(String.valueOf(entry));
      if (text != null) {
        map.put(String.valueOf(entry), text);
      }
    }
    return map;
  }

  void problem(String key, String message) {
    problems.add(path(key) + ": " + message);
  }

  String path(String key) {
    return path.isEmpty() ? key : path + "." + key;
  }

  private List<?> list(String key) {
    Object value = values.get(key);
    if (value == null) {
      return null;
    }
    if (value instanceof List<?> list) {
      return list;
    }
    problem(key, "must be a list");
    return null;
  }
}
