package io.gitops.promotion.run;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.BiFunction;

/**
 * A {@link Planned} made of its parts: the files to write (none: no commit), the commit message,
 * how the report is made once the commit is known, and optionally the words of a merge request.
 *
 * @param title a merge request's title, null for the commit message's subject
 * @param description markdown for a merge request, null for the commit message
 */
public record PlannedWrites<R>(
    Map<String, String> writes,
    String commitMessage,
    BiFunction<String, RunCounts, R> report,
    String title,
    String description)
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
    return description != null ? description : commitMessage;
  }

  @Override
  public R result(String commit, RunCounts counts) {
    return report.apply(commit, counts);
  }
}
