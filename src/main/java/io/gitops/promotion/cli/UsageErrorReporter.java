package io.gitops.promotion.cli;

import java.util.List;
import picocli.CommandLine;
import picocli.CommandLine.IParameterExceptionHandler;
import picocli.CommandLine.ParameterException;

/**
 * A malformed command line is a rejected request: message and usage on stderr, exit code 2, and
 * with {@code --output json} one {@code InvalidArgument} JSON object on stdout (see {@link
 * FailureOutcome}). The message may echo an argument, a URL with a password for instance, so it is
 * redacted like any other.
 */
final class UsageErrorReporter implements IParameterExceptionHandler {
  @Override
  public int handleParseException(ParameterException e, String[] args) {
    CommandLine command = e.getCommandLine();
    FailureOutcome outcome = FailureOutcome.of(e);
    command.getErr().println(outcome.line());
    command.usage(command.getErr());
    command.getErr().flush();
    if (FailureOutcome.jsonRequested(List.of(args))) {
      outcome.printJson(command.getOut());
    }
    return ExitCodes.REJECTED;
  }
}
