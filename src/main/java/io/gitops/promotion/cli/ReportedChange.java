package io.gitops.promotion.cli;

import io.gitops.promotion.engine.PromotionResult;
import io.gitops.promotion.rollback.RollbackResult;
import io.gitops.promotion.run.RunCounts;
import java.io.PrintWriter;
import java.util.Map;

/**
 * A command's result as {@link ChangeReport} prints it: what every result has, and the details only
 * its kind has.
 *
 * @param outcome the outcome as reports name it, e.g. {@code Promoted}
 * @param resumed whether the commit was found already made by an earlier run
 * @param commit null when nothing was written
 */
record ReportedChange(
    String outcome,
    String title,
    boolean resumed,
    String commit,
    String diff,
    RunCounts counts,
    Details details) {

  static ReportedChange of(PromotionResult result) {
    return new ReportedChange(
        result.outcome().label(),
        result.title(),
        result.resumed(),
        result.commit(),
        result.diff(),
        result.counts(),
        new PromotionDetails(result));
  }

  static ReportedChange of(RollbackResult result) {
    return new ReportedChange(
        result.outcome().label(),
        result.title(),
        result.resumed(),
        result.commit(),
        result.diff(),
        result.counts(),
        new RollbackDetails(result));
  }

  /** What only one kind of result reports: as JSON fields and as text. */
  interface Details {
    /** Adds the fields of this kind of result, between {@code title} and {@code commit}. */
    void putFields(Map<String, Object> json);

    /** Prints what changed (tables, warnings), between the result line and the commit. */
    void printBody(PrintWriter out);
  }
}
