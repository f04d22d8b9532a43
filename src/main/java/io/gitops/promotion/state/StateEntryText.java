package io.gitops.promotion.state;

import io.gitops.promotion.yaml.PlainScalarSafety;
import java.util.Map;

/**
 * One state entry as YAML text in the plain style of the specification's example: block mappings,
 * values unquoted unless a plain scalar would read as something else (then double-quoted), so that
 * a reviewer of the commit sees the few lines that changed.
 */
final class StateEntryText {
  private final StringBuilder out = new StringBuilder();
  private final String indent;

  private StateEntryText(String indent) {
    this.indent = indent;
  }

  /** The entry's lines, each starting with {@code indent}, ending with a newline. */
  static String of(StateEntry entry, String indent) {
    StateEntryText text = new StateEntryText(indent);
    text.map(StateCodec.encodeEntry(entry), 0);
    return text.out.toString();
  }

  @SuppressWarnings("unchecked")
  private void map(Map<String, Object> map, int depth) {
    map.forEach((key, value) -> {
      line(depth).append(scalar(key)).append(':');
      if (value instanceof Map<?, ?> nested) {
        if (nested.isEmpty()) {
          out.append(" {}\n");
        } else {
          out.append('\n');
          map((Map<String, Object>) nested, depth + 1);
        }
      } else if (value instanceof java.util.List<?> list) {
        out.append('\n');
        for (Object item : list) {
          line(depth).append("-");
          Map<String, Object> fields = (Map<String, Object>) item;
          boolean first = true;
          for (Map.Entry<String, Object> field : fields.entrySet()) {
            if (!first) {
              line(depth).append(' ');
            }
            out.append(' ').append(scalar(field.getKey())).append(": ").append(scalar(field.getValue())).append('\n');
            first = false;
          }
        }
      } else {
        out.append(' ').append(scalar(value)).append('\n');
      }
    });
  }

  private StringBuilder line(int depth) {
    return out.append(indent).append("  ".repeat(depth));
  }

  static String scalar(Object value) {
    if (value == null) {
      return "null";
    }
    if (value instanceof Boolean bool) {
      return bool.toString();
    }
    String text = value.toString();
    if (PlainScalarSafety.canBePlain(text) || isPlainTimestampOrId(text)) {
      return text;
    }
    StringBuilder quoted = new StringBuilder("\"");
    for (char c : text.toCharArray()) {
      switch (c) {
        case '"' -> quoted.append("\\\"");
        case '\\' -> quoted.append("\\\\");
        case '\n' -> quoted.append("\\n");
        case '\t' -> quoted.append("\\t");
        default -> {
          if (c < 0x20) {
            quoted.append(String.format("\\x%02x", (int) c));
          } else {
            quoted.append(c);
          }
        }
      }
    }
    return quoted.append('"').toString();
  }

  /** Uuids and RFC 3339 instants: ids and times read back as the same strings, quoted they are noise. */
  private static boolean isPlainTimestampOrId(String text) {
    return text.matches("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");
  }
}
