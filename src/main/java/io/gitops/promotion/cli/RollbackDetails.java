package io.gitops.promotion.cli;

import io.gitops.promotion.rollback.Conflict;
import io.gitops.promotion.rollback.Restoration;
import io.gitops.promotion.rollback.RollbackOutcome;
import io.gitops.promotion.rollback.RollbackResult;
import java.io.PrintWriter;
import java.util.Map;

/**
 * The details of a rollback's result in a report: {@code promotionId, restored, conflicts} in JSON;
 * the restored tags and the applications left alone in text.
 */
record RollbackDetails(RollbackResult result) implements ReportedChange.Details {
  @Override
  public void putFields(Map<String, Object> json) {
    json.put("promotionId", result.promotionId());
    json.put("restored", result.restored());
    json.put("conflicts", result.conflicts());
  }

  @Override
  public void printBody(PrintWriter out) {
    if (result.restored().isEmpty()) {
      out.println(
          result.outcome() == RollbackOutcome.NOTHING_TO_ROLL_BACK
              ? "Nothing to restore: every tag already equals its pre-promotion value."
              : "Nothing left to restore but the applications left alone below.");
    } else {
      TextTable restored = new TextTable("SERVICE", "APP", "FROM", "TO");
      result
          .restored()
          .forEach((Restoration r) -> restored.row(r.service(), r.app(), r.from(), r.to()));
      restored.print(out);
    }
    out.println();
    if (!result.conflicts().isEmpty()) {
      out.println(
          "Left alone, changed since the promotion (--force restores those still present):");
      TextTable conflicts = new TextTable("SERVICE", "APP", "PROMOTED", "NOW", "BEFORE");
      result
          .conflicts()
          .forEach(
              (Conflict c) ->
                  conflicts.row(c.service(), c.app(), c.expected(), c.actual(), c.restoreTo()));
      conflicts.print(out);
      out.println();
    }
  }
}
