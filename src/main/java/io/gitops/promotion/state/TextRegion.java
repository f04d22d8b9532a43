package io.gitops.promotion.state;

/**
 * Where a node of the state file is in its text: the {@link String} index of its first character,
 * the index just past its last character of content (never past a trailing comment or blank line),
 * and the line and column of its start, counted from 0.
 */
record TextRegion(int start, int end, int line, int column) {

  /** {@code line L, column C} as a person counts them, for messages. */
  String position() {
    return "line " + (line + 1) + ", column " + (column + 1);
  }
}
