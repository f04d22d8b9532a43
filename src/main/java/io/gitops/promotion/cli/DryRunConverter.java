package io.gitops.promotion.cli;

import java.util.Locale;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/**
 * Reads {@code --dry-run}: {@code true} or {@code false} (any case), nothing else. An empty value
 * is what an unset CI variable gives ({@code --dry-run=$DRY_RUN}); reading it as {@code false}
 * would push a real promotion or rollback, so it is refused like any other value.
 */
final class DryRunConverter implements ITypeConverter<Boolean> {
  @Override
  public Boolean convert(String value) {
    return switch (value.trim().toLowerCase(Locale.ROOT)) {
      case "true" -> Boolean.TRUE;
      case "false" -> Boolean.FALSE;
      default ->
          throw new TypeConversionException(
              (value.isBlank()
                      ? "the value is empty (an unset variable?)"
                      : "'" + value + "' is neither true nor false")
                  + "; write --dry-run=true to preview or --dry-run=false to push");
    };
  }
}
