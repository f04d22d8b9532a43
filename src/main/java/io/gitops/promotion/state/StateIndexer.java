package io.gitops.promotion.state;

import io.gitops.promotion.yaml.NestingLimit;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.events.CollectionStartEvent;
import org.snakeyaml.engine.v2.events.Event;
import org.snakeyaml.engine.v2.events.ScalarEvent;
import org.snakeyaml.engine.v2.exceptions.YamlEngineException;
import org.snakeyaml.engine.v2.parser.ParserImpl;
import org.snakeyaml.engine.v2.scanner.StreamReader;

/**
 * Finds the {@link StateLayout} of a state file in one pass over the parser's events, without
 * building nodes: the root, {@code environments}, each environment and the region of each group's
 * entry, whose contents are skipped. It checks the shape down to the entries: the root, {@code
 * environments} and every environment must be mappings (an empty value counts as an empty mapping),
 * every entry a mapping, no key twice. Anything else is refused with a {@link StateFormatException}
 * that says where.
 */
final class StateIndexer {

  private static final String ENVIRONMENTS = "environments";

  private final String text;
  private final EventCursor cursor;
  private final EntryDecoder decoder;
  private MappingSite environments;
  private final Map<String, StateLayout.EnvironmentSite> environmentsByName = new LinkedHashMap<>();

  private StateIndexer(String text, LoadSettings settings) {
    this.text = text;
    this.decoder = new EntryDecoder(settings);
    this.cursor =
        new EventCursor(
            text,
            () ->
                new NestingLimit(
                    new ParserImpl(settings, new StreamReader(settings, text)), "a state file"));
  }

  static StateLayout index(String text, LoadSettings settings) {
    if (text.isBlank()) {
      return StateLayout.empty();
    }
    try {
      return new StateIndexer(text, settings).read();
    } catch (YamlEngineException e) {
      throw new StateFormatException("state file is not valid YAML: " + e.getMessage(), e);
    } catch (NestingLimit.TooDeep e) {
      throw new StateFormatException(e.getMessage(), e);
    }
  }

  private StateLayout read() {
    cursor.expect(Event.ID.StreamStart);
    if (cursor.next().getEventId() == Event.ID.StreamEnd) {
      return StateLayout.empty();
    }
    Event root = cursor.next();
    if (root instanceof ScalarEvent scalar && isNull(scalar) && scalar.getValue().isEmpty()) {
      cursor.expect(Event.ID.DocumentEnd);
      requireSingleDocument();
      return StateLayout.empty();
    }
    if (root.getEventId() != Event.ID.MappingStart) {
      throw refused(root, "the state file", "a mapping at the top level (environments: ...)");
    }
    Set<String> keys = new HashSet<>();
    MappingSite rootSite =
        mapping(
            (CollectionStartEvent) root,
            -2,
            "the top level",
            (key, value) -> {
              keys.add(key.getValue());
              if (key.getValue().equals(ENVIRONMENTS)) {
                environments = containerValue(key, value, ENVIRONMENTS, this::environment);
              } else {
                cursor.skip(value);
              }
            });
    cursor.expect(Event.ID.DocumentEnd);
    requireSingleDocument();
    if (environments == null && keys.contains("promotion") && keys.contains("pre_state")) {
      return new StateLayout(
          StateLayout.Form.LEGACY,
          rootSite,
          null,
          Map.of(),
          decoder.legacy(text, rootSite.value()));
    }
    return new StateLayout(
        StateLayout.Form.NESTED, rootSite, environments, environmentsByName, null);
  }

  private void environment(ScalarEvent key, Event value) {
    String name = key.getValue();
    Map<String, EntrySite> groups = new LinkedHashMap<>();
    String where = ENVIRONMENTS + "." + name;
    MappingSite site =
        containerValue(
            key,
            value,
            where,
            (groupKey, entry) -> {
              if (entry.getEventId() != Event.ID.MappingStart) {
                throw refused(
                    entry,
                    where + "." + groupKey.getValue(),
                    "a mapping (promotion, pre_state, post_state)");
              }
              cursor.skip(entry);
              groups.put(
                  groupKey.getValue(),
                  new EntrySite(
                      groupKey.getStartMark().orElseThrow().getColumn(), cursor.regionFrom(entry)));
            });
    environmentsByName.put(name, new StateLayout.EnvironmentSite(site, groups));
  }

  /** A value that must be a mapping; an empty one ({@code key:}, {@code ~}) stands for no keys. */
  private MappingSite containerValue(
      ScalarEvent key, Event value, String where, KeyVisitor visitor) {
    int keyColumn = key.getStartMark().orElseThrow().getColumn();
    if (value instanceof ScalarEvent scalar && isNull(scalar)) {
      int start = cursor.start(scalar);
      TextRegion region =
          new TextRegion(
              start,
              cursor.contentEnd(),
              scalar.getStartMark().orElseThrow().getLine(),
              scalar.getStartMark().orElseThrow().getColumn());
      return new MappingSite(region, MappingSite.Shape.EMPTY, keyColumn, -1);
    }
    if (value.getEventId() != Event.ID.MappingStart) {
      throw refused(value, where, "a mapping");
    }
    return mapping((CollectionStartEvent) value, keyColumn, where, visitor);
  }

  private MappingSite mapping(
      CollectionStartEvent start, int keyColumn, String where, KeyVisitor visitor) {
    Set<String> seen = new HashSet<>();
    int childColumn = -1;
    for (Event event = cursor.next();
        event.getEventId() != Event.ID.MappingEnd;
        event = cursor.next()) {
      if (!(event instanceof ScalarEvent key)) {
        throw refused(event, "a key of " + where, "a string");
      }
      if (!seen.add(key.getValue())) {
        throw new StateFormatException(
            position(key) + ": " + where + " has the key '" + key.getValue() + "' twice");
      }
      if (childColumn < 0) {
        childColumn = key.getStartMark().orElseThrow().getColumn();
      }
      visitor.visit(key, cursor.next());
    }
    MappingSite.Shape shape =
        start.isFlow()
            ? (seen.isEmpty() ? MappingSite.Shape.EMPTY : MappingSite.Shape.FLOW)
            : MappingSite.Shape.BLOCK;
    return new MappingSite(
        cursor.regionFrom(start), shape, keyColumn, start.isFlow() ? -1 : childColumn);
  }

  private void requireSingleDocument() {
    Event event = cursor.next();
    if (event.getEventId() != Event.ID.StreamEnd) {
      throw new StateFormatException(
          position(event) + ": the state file holds more than one YAML document");
    }
  }

  /** A plain scalar the core schema reads as null: empty, {@code ~} or {@code null}. */
  static boolean isNull(ScalarEvent scalar) {
    return scalar.isPlain()
        && scalar.getTag().isEmpty()
        && switch (scalar.getValue()) {
          case "", "~", "null", "Null", "NULL" -> true;
          default -> false;
        };
  }

  static StateFormatException refused(Event event, String what, String expected) {
    return new StateFormatException(
        position(event) + ": " + what + " is " + kind(event) + ", expected " + expected);
  }

  private static String kind(Event event) {
    return switch (event.getEventId()) {
      case SequenceStart -> "a sequence";
      case MappingStart -> "a mapping";
      case Alias -> "an alias";
      case Scalar ->
          isNull((ScalarEvent) event)
              ? "null"
              : "the scalar '" + shortened(((ScalarEvent) event).getValue()) + "'";
      default -> "not a value";
    };
  }

  private static String shortened(String value) {
    return value.length() <= 40 ? value : value.substring(0, 40) + "...";
  }

  private static String position(Event event) {
    return event
        .getStartMark()
        .map(m -> "line " + (m.getLine() + 1) + ", column " + (m.getColumn() + 1))
        .orElse("somewhere");
  }

  /** Reads the value of one key of a mapping, consuming all of its events. */
  @FunctionalInterface
  private interface KeyVisitor {
    void visit(ScalarEvent key, Event value);
  }
}
