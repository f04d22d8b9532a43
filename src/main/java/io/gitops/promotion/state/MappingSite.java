package io.gitops.promotion.state;

/**
 * A mapping of the state file that a write may add a key to (the root, {@code environments}, one
 * environment), and what the writer needs to know to add one in place.
 *
 * @param value the mapping's region; for an empty value ({@code key:}, {@code ~}, {@code {}}) the
 *     region of that text
 * @param keyColumn column of the key that holds this mapping, -2 for the root
 * @param childColumn column of the mapping's first key, -1 when it has none
 */
record MappingSite(TextRegion value, Shape shape, int keyColumn, int childColumn) {

  /** How the mapping is written. */
  enum Shape {
    /** Keys on their own lines. */
    BLOCK,
    /** {@code {a: 1, b: 2}}: read, but not written into. */
    FLOW,
    /** Nothing yet: an empty value, a null or {@code {}}; a write replaces it. */
    EMPTY
  }

  /** The column the mapping's keys are (or would be) written at. */
  int keysColumn() {
    return childColumn >= 0 ? childColumn : keyColumn + 2;
  }
}
