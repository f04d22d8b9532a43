package io.gitops.promotion.cli;

/** How a command prints its result. */
enum OutputFormat {
  TEXT,
  JSON;

  ChangeReport report() {
    return this == JSON ? new ChangeReport.Json() : new ChangeReport.Text();
  }
}
