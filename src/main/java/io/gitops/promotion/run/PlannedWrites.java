package io.gitops.promotion.run;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.BiFunction;
import java.util.function.Supplier;

/**
 * A {@link Planned} made of its parts: the files to write (none: no commit), the commit message,
 * how the report is made once the commit is known, and optionally the words of a merge request.
 *
 * @param title a merge request's title, null for the commit message's subject
 * @param describe makes the markdown for a merge request, only when one is opened or updated; null
 *     for the commit message
 */
public record PlannedWrites<R>(
    Map<String, String> writes,
    String commitMessage,
    BiFunction<String, RunCounts, R> report,
    String title,
    Supplier<String> describe)
    implements Planned<R> {

  public PlannedWrites {
    writes = Collections.unmodifiableMap(new LinkedHashMap<>(writes));
  }

  public PlannedWrites(
      Map<String, String> writes, String commitMessage, BiFunction<String, RunCounts, R> report) {
    this(writes, commitMessage, report, null, null);
  }

  @Override
  public String title() {
    return title != null ? title : Planned.super.title();
  }

  @Override
  public String description() {
    return describe != null ? describe.get() : commitMessage;
  }

  @Override
  public R result(String commit, RunCounts counts) {
    return report.apply(commit, counts);
  }
}
