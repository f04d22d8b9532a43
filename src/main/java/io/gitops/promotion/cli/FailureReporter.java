package io.gitops.promotion.cli;

import picocli.CommandLine;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.ParseResult;

/**
 * Prints a failure as one clear line on stderr, no stack trace and no credential, and with {@code
 * --output json} as one JSON object on stdout too (see {@link FailureOutcome}); picks the exit
 * code.
 */
final class FailureReporter implements IExecutionExceptionHandler {
  @Override
  public int handleExecutionException(Exception e, CommandLine command, ParseResult parsed) {
    FailureOutcome outcome = FailureOutcome.of(e);
    command.getErr().println(outcome.line());
    command.getErr().flush();
    if (FailureOutcome.jsonRequested(parsed.originalArgs())) {
      outcome.printJson(command.getOut());
    }
    return ExitCodes.of(e);
  }
}
