package io.gitops.promotion.cli;

import io.gitops.promotion.promotion.PromotionRejectedException;
import picocli.CommandLine;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.ParseResult;

/** Prints a failure as one clear line on stderr, no stack trace, and picks the exit code. */
final class FailureReporter implements IExecutionExceptionHandler {
  @Override
  public int handleExecutionException(Exception e, CommandLine command, ParseResult parsed) {
    String prefix = e instanceof PromotionRejectedException rejected ? "rejected (" + rejected.reason().code() + "): "
        : ExitCodes.of(e) == ExitCodes.REJECTED ? "rejected: "
        : "failed: ";
    command.getErr().println(prefix + e.getMessage());
    return ExitCodes.of(e);
  }
}
