package io.gitops.promotion.yaml;

import org.snakeyaml.engine.v2.exceptions.Mark;
import org.snakeyaml.engine.v2.nodes.Node;

/**
 * A place in an overlay file as a person counts it (line and column from 1), for error messages.
 */
record SourcePosition(int line, int column) {

  static SourcePosition of(Node node) {
    return node.getStartMark().map(SourcePosition::of).orElse(new SourcePosition(0, 0));
  }

  static SourcePosition of(Mark mark) {
    return new SourcePosition(mark.getLine() + 1, mark.getColumn() + 1);
  }

  @Override
  public String toString() {
    return "line " + line + ", column " + column;
  }
}
