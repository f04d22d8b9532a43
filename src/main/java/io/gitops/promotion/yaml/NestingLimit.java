package io.gitops.promotion.yaml;

import org.snakeyaml.engine.v2.events.Event;
import org.snakeyaml.engine.v2.parser.Parser;

/**
 * Counts how deep mappings and sequences sit inside each other while the composer pulls events, and
 * stops the read past {@value #MAX_DEPTH} levels. snakeyaml-engine's composer builds nodes
 * recursively, so a few thousand nested {@code [} or {@code key:} levels overflow the thread's
 * stack; an overlay needs fewer than ten, a state file fewer than ten. The parser itself keeps its
 * state on the heap, so stopping here, one event ahead of the composer, is safe.
 */
public final class NestingLimit implements Parser {

  /** Far above any real overlay or state file, far below what the composer's recursion survives. */
  public static final int MAX_DEPTH = 64;

  private final Parser parser;
  private final String document;
  private int depth;

  /** For an overlay. */
  NestingLimit(Parser parser) {
    this(parser, "an overlay");
  }

  /**
   * @param document what the text is, for the message: "an overlay", "a state file"
   */
  public NestingLimit(Parser parser, String document) {
    this.parser = parser;
    this.document = document;
  }

  @Override
  public boolean checkEvent(Event.ID id) {
    return parser.checkEvent(id);
  }

  @Override
  public Event peekEvent() {
    return parser.peekEvent();
  }

  @Override
  public boolean hasNext() {
    return parser.hasNext();
  }

  @Override
  public Event next() {
    Event event = parser.next();
    switch (event.getEventId()) {
      case MappingStart, SequenceStart -> {
        if (++depth > MAX_DEPTH) {
          throw new TooDeep(
              event.getStartMark().map(mark -> SourcePosition.of(mark) + ": ").orElse("")
                  + "mappings and sequences are nested more than "
                  + MAX_DEPTH
                  + " levels deep; "
                  + document
                  + " needs far fewer, so the file is not read");
        }
      }
      case MappingEnd, SequenceEnd -> depth--;
      default -> {}
    }
    return event;
  }

  /** Thrown through the composer, which cannot pass a checked exception; the reader converts it. */
  public static final class TooDeep extends RuntimeException {
    private static final long serialVersionUID = 1L;

    TooDeep(String message) {
      super(message, null, false, false);
    }
  }
}
