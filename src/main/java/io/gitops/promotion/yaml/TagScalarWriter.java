package io.gitops.promotion.yaml;

import org.snakeyaml.engine.v2.common.ScalarStyle;

/**
 * Writes a new tag value in the quoting style of the value it replaces: plain stays plain, 'single'
 * stays single, "double" stays double. A plain value whose new text would read as another type or
 * not parse as plain (see {@link PlainScalarSafety}) is written in double quotes instead, so that
 * the file still holds the same string.
 */
final class TagScalarWriter {

  private TagScalarWriter() {}

  /**
   * @throws OverlayFormatException when the value holds a line break or another control character,
   *     which no tag has and which would not survive every quoting style unchanged
   */
  static String write(ScalarStyle style, String value, String application)
      throws OverlayFormatException {
    return write(style, value, application, false);
  }

  /**
   * @param references whether a plain value may stay plain as an image reference or digest ({@link
   *     PlainScalarSafety#canBePlainReference})
   */
  static String write(ScalarStyle style, String value, String application, boolean references)
      throws OverlayFormatException {
    if (value.codePoints().anyMatch(TagScalarWriter::isUnwritable)) {
      throw new OverlayFormatException(
          "the new tag for application '"
              + application
              + "' contains a line break or control character: "
              + escapeForMessage(value));
    }
    return switch (style) {
      case PLAIN ->
          PlainScalarSafety.canBePlain(value)
                  || references && PlainScalarSafety.canBePlainReference(value)
              ? value
              : doubleQuoted(value);
      case SINGLE_QUOTED -> "'" + value.replace("'", "''") + "'";
      case DOUBLE_QUOTED -> doubleQuoted(value);
      default -> throw new IllegalArgumentException("no writer for scalar style " + style);
    };
  }

  private static String doubleQuoted(String value) {
    return "\"" + value.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
  }

  private static boolean isUnwritable(int codePoint) {
    return Character.isISOControl(codePoint)
        || codePoint == 0x2028
        || codePoint == 0x2029
        || codePoint == 0xFEFF;
  }

  private static String escapeForMessage(String value) {
    StringBuilder shown = new StringBuilder();
    value
        .codePoints()
        .forEach(
            c ->
                shown.append(
                    isUnwritable(c)
                        ? String.format("\\u%04X", c)
                        : new String(Character.toChars(c))));
    return shown.toString();
  }
}
