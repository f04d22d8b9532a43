package io.gitops.promotion.changelog;

import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/** The {@code # Services} table: one row per promoted application, in the order given. */
final class ServicesTable {

  static final String NO_PREVIOUS_TAG = "(none)";

  private static final String HEADER = "| Service | App | Previous | New |\n|---|---|---|---|";

  private ServicesTable() {}

  /** The table without a trailing newline; only the header when nothing was promoted. */
  static String render(List<ReleasedApplication> services) {
    return Stream.concat(Stream.of(HEADER), services.stream().map(ServicesTable::row))
        .collect(Collectors.joining("\n"));
  }

  private static String row(ReleasedApplication service) {
    String previous = service.previousTag() == null ? NO_PREVIOUS_TAG : service.previousTag();
    return Stream.of(service.service(), service.application(), previous, service.newTag())
        .map(Markdown::tableCell)
        .collect(Collectors.joining(" | ", "| ", " |"));
  }
}
