package io.gitops.promotion.e2e;

import java.util.List;

/** What one external command (a script, kubectl) did: its exit code and everything it printed. */
public record CommandResult(List<String> command, int exitCode, String stdout, String stderr) {

  public boolean succeeded() {
    return exitCode == 0;
  }

  /** This result, or an exception that shows the command and both outputs. */
  public CommandResult orThrow() {
    if (!succeeded()) {
      throw new IllegalStateException(describe());
    }
    return this;
  }

  public String describe() {
    return String.join(" ", command)
        + "\nexit code "
        + exitCode
        + "\n--- stdout\n"
        + stdout
        + "--- stderr\n"
        + stderr;
  }
}
