package io.gitops.promotion.cli;

import io.gitops.promotion.run.RunCounts;
import java.io.PrintWriter;
import java.util.Map;

/**
 * A command's result as {@link ChangeReport} prints it: what every result has (outcome, title,
 * commit, diff, Git traffic), and what only its kind has, as JSON fields and as text.
 */
interface ReportedChange {
  /** The outcome as reports name it, e.g. {@code Promoted}. */
  String outcome();

  String title();

  /** Whether the commit was found already made by an earlier run. */
  boolean resumed();

  /** Null when nothing was written. */
  String commit();

  String diff();

  RunCounts counts();

  /** Adds the fields of this kind of result, between {@code title} and {@code commit}. */
  void putFields(Map<String, Object> json);

  /** Prints what changed (tables, warnings), between the result line and the commit. */
  void printBody(PrintWriter out);
}
