package io.gitops.promotion.changelog;

/** Makes arbitrary text safe to place on one line of the Markdown release description. */
final class Markdown {

  private Markdown() {}

  /** Joins the lines of a text with single spaces, so that it cannot break a list or a heading. */
  static String singleLine(String text) {
    return text.strip().replaceAll("\\s*\\R\\s*", " ");
  }

  /** A table cell: one line, with {@code |} escaped so that it does not end the cell. */
  static String tableCell(String text) {
    return singleLine(text).replace("|", "\\|");
  }
}
