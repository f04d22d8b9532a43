package io.gitops.promotion.run;

import java.util.Map;
import java.util.function.BiFunction;

/**
 * A {@link Planned} made of its parts: the files to write (none: no commit), the commit message, and
 * how the report is made once the commit is known.
 */
public record PlannedWrites<R>(Map<String, String> writes, String commitMessage,
    BiFunction<String, RunCounts, R> report) implements Planned<R> {

  public PlannedWrites {
    writes = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(writes));
  }

  @Override
  public R result(String commit, RunCounts counts) {
    return report.apply(commit, counts);
  }
}
