package io.gitops.promotion.cli;

import picocli.CommandLine;
import picocli.CommandLine.IParameterExceptionHandler;
import picocli.CommandLine.ParameterException;

/** A malformed command line is a rejected request: message and usage on stderr, exit code 2. */
final class UsageErrorReporter implements IParameterExceptionHandler {
  @Override
  public int handleParseException(ParameterException e, String[] args) {
    CommandLine command = e.getCommandLine();
    command.getErr().println("rejected: " + e.getMessage());
    command.usage(command.getErr());
    return ExitCodes.REJECTED;
  }
}
