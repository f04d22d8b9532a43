package io.gitops.promotion.cli;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Stack;
import picocli.CommandLine.IParameterPreprocessor;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.TypeConversionException;

/**
 * Refuses an empty {@code --dry-run} value before picocli reads it. For a {@code boolean} option
 * picocli turns an empty value into {@code false} itself and hands the {@link DryRunConverter} the
 * string {@code "false"}, so the converter cannot see it; left alone, {@code --dry-run=$UNSET}
 * would push. Installed on each command that has the option (see {@link Main#commandLine}); it only
 * looks at the words and leaves parsing to picocli.
 */
final class EmptyDryRunGuard implements IParameterPreprocessor {
  static final String OPTION = "--dry-run";

  @Override
  public boolean preprocess(
      Stack<String> args, CommandSpec command, ArgSpec arg, Map<String, Object> info) {
    List<String> words = new ArrayList<>(args);
    Collections.reverse(words); // the top of the stack is the next word
    for (int i = 0; i < words.size() && !words.get(i).equals("--"); i++) {
      String word = words.get(i);
      String value =
          word.startsWith(OPTION + "=")
              ? word.substring(OPTION.length() + 1)
              : word.equals(OPTION) && i + 1 < words.size() ? words.get(++i) : null;
      if (value != null && value.isBlank()) {
        throw refusal(command, value);
      }
    }
    return false;
  }

  private static ParameterException refusal(CommandSpec command, String value) {
    try {
      new DryRunConverter().convert(value);
      throw new IllegalStateException("the converter accepts no blank value");
    } catch (TypeConversionException e) {
      return new ParameterException(
          command.commandLine(), "Invalid value for option '" + OPTION + "': " + e.getMessage());
    }
  }
}
