package io.gitops.promotion.state;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Iterator;
import org.snakeyaml.engine.v2.events.CollectionStartEvent;
import org.snakeyaml.engine.v2.events.Event;
import org.snakeyaml.engine.v2.events.ScalarEvent;
import org.snakeyaml.engine.v2.exceptions.Mark;

/**
 * Walks the parser's events of a text and turns their marks (which count code points) into {@link
 * String} indexes. It also remembers where the last piece of content ended (a scalar, an alias, a
 * closing bracket), since the end mark of a block collection lies past the trailing comments and
 * blank lines, where the next token starts.
 */
final class EventCursor {

  private final String text;
  private final Iterator<Event> events;
  private final Deque<Boolean> flowStack = new ArrayDeque<>();
  private int codePoint;
  private int charIndex;
  private int contentEnd;

  EventCursor(String text, Iterable<Event> events) {
    this.text = text;
    this.events = events.iterator();
  }

  Event next() {
    Event event = events.next();
    switch (event.getEventId()) {
      case Scalar -> contentEnd = scalarEnd((ScalarEvent) event);
      case Alias -> contentEnd = end(event);
      case MappingStart, SequenceStart -> flowStack.push(((CollectionStartEvent) event).isFlow());
      case MappingEnd, SequenceEnd -> {
        if (Boolean.TRUE.equals(flowStack.poll())) {
          contentEnd = end(event);
        }
      }
      default -> {}
    }
    return event;
  }

  /** Consumes an event that the grammar guarantees, such as the start of the stream. */
  void expect(Event.ID id) {
    Event event = next();
    if (event.getEventId() != id) {
      throw new IllegalStateException("expected the parser's " + id + " event, got " + event);
    }
  }

  /** Consumes the rest of the node that {@code first} opened. */
  void skip(Event first) {
    int depth = opens(first) ? 1 : 0;
    while (depth > 0) {
      Event event = next();
      if (opens(event)) {
        depth++;
      } else if (event.getEventId() == Event.ID.MappingEnd
          || event.getEventId() == Event.ID.SequenceEnd) {
        depth--;
      }
    }
  }

  /** The index just past the last content read so far. */
  int contentEnd() {
    return contentEnd;
  }

  TextRegion regionFrom(Event first) {
    Mark mark = first.getStartMark().orElseThrow();
    return new TextRegion(index(mark), contentEnd, mark.getLine(), mark.getColumn());
  }

  int start(Event event) {
    return index(event.getStartMark().orElseThrow());
  }

  private int end(Event event) {
    return index(event.getEndMark().orElseThrow());
  }

  /**
   * A block scalar's end mark lies after its line breaks; its content ends at its last non-blank.
   */
  private int scalarEnd(ScalarEvent scalar) {
    int end = end(scalar);
    if (scalar.isLiteral() || scalar.isFolded()) {
      int start = start(scalar);
      while (end > start && Character.isWhitespace(text.charAt(end - 1))) {
        end--;
      }
    }
    return end;
  }

  private int index(Mark mark) {
    int target = mark.getIndex();
    if (target != codePoint) {
      charIndex = text.offsetByCodePoints(charIndex, target - codePoint);
      codePoint = target;
    }
    return charIndex;
  }

  private static boolean opens(Event event) {
    return event.getEventId() == Event.ID.MappingStart
        || event.getEventId() == Event.ID.SequenceStart;
  }
}
