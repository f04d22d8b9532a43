package io.gitops.promotion.state;

import java.util.List;
import java.util.Optional;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.api.lowlevel.Compose;
import org.snakeyaml.engine.v2.common.FlowStyle;
import org.snakeyaml.engine.v2.exceptions.Mark;
import org.snakeyaml.engine.v2.nodes.MappingNode;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.NodeTuple;
import org.snakeyaml.engine.v2.nodes.ScalarNode;
import org.snakeyaml.engine.v2.nodes.SequenceNode;

/**
 * Writes one entry into the state file's text and leaves every other byte as it was: the entry of the
 * group in the environment is replaced line for line, or inserted after its siblings; the other
 * entries, their quoting and the comments stay. Works on block-style files (what this tool and the
 * pipeline write); for anything else it answers empty and the caller renders the whole file.
 */
final class StateFileSplice {
  private static final String ENVIRONMENTS = "environments";

  private final String text;
  private final String newline;

  private StateFileSplice(String text) {
    this.text = text;
    this.newline = text.contains("\r\n") ? "\r\n" : "\n";
  }

  static Optional<String> withEntry(String text, LoadSettings settings, String environment, StateEntry entry) {
    return new StateFileSplice(text).splice(settings, environment, entry);
  }

  private Optional<String> splice(LoadSettings settings, String environment, StateEntry entry) {
    Optional<Node> composed = new Compose(settings).composeString(text);
    if (composed.isEmpty() || !(composed.get() instanceof MappingNode root) || !isBlock(root)) {
      return Optional.empty();
    }
    Optional<NodeTuple> environments = find(root, ENVIRONMENTS);
    if (environments.isEmpty()) {
      String body = "environments:" + newline + "  " + environment + ":" + newline + "    " + entry.group() + ":" + newline
          + lines(StateEntryText.of(entry, "      "));
      return Optional.of(text + (text.isEmpty() || text.endsWith("\n") ? "" : newline) + body + newline);
    }
    if (!(environments.get().getValueNode() instanceof MappingNode envs) || !isBlock(envs) || envs.getValue().isEmpty()) {
      return Optional.empty();
    }
    Optional<NodeTuple> env = find(envs, environment);
    if (env.isEmpty()) {
      String indent = indentOf(envs);
      return Optional.of(insertAfter(envs, indent + environment + ":" + newline + indent + "  " + entry.group() + ":"
          + newline + lines(StateEntryText.of(entry, indent + "    "))));
    }
    if (!(env.get().getValueNode() instanceof MappingNode groups) || !isBlock(groups) || groups.getValue().isEmpty()) {
      return Optional.empty();
    }
    Optional<NodeTuple> group = find(groups, entry.group());
    String indent = indentOf(groups);
    if (group.isEmpty()) {
      return Optional.of(insertAfter(groups, indent + entry.group() + ":" + newline
          + lines(StateEntryText.of(entry, indent + "  "))));
    }
    Node value = group.get().getValueNode();
    if (!(value instanceof MappingNode existing) || !isBlock(existing) || existing.getValue().isEmpty()) {
      return Optional.empty();
    }
    int from = lineStart(index(existing.getStartMark()));
    int to = lineEnd(index(lastScalar(existing).getEndMark()));
    return Optional.of(text.substring(0, from) + lines(StateEntryText.of(entry, indentOf(existing))) + text.substring(to));
  }

  /** The entry's text without its last line break, in the file's line breaks. */
  private String lines(String entryText) {
    String trimmed = entryText.endsWith("\n") ? entryText.substring(0, entryText.length() - 1) : entryText;
    return newline.equals("\n") ? trimmed : trimmed.replace("\n", newline);
  }

  private String insertAfter(MappingNode siblings, String block) {
    int at = lineEnd(index(lastScalar(siblings).getEndMark()));
    return text.substring(0, at) + newline + block + text.substring(at);
  }

  private String indentOf(MappingNode mapping) {
    Mark start = mapping.getValue().get(0).getKeyNode().getStartMark().orElseThrow();
    return " ".repeat(start.getColumn());
  }

  private static Optional<NodeTuple> find(MappingNode mapping, String key) {
    return mapping.getValue().stream()
        .filter(t -> t.getKeyNode() instanceof ScalarNode k && k.getValue().equals(key))
        .findFirst();
  }

  private static boolean isBlock(MappingNode mapping) {
    return mapping.getFlowStyle() == FlowStyle.BLOCK;
  }

  /** The last scalar of a subtree: where its text ends. */
  private static Node lastScalar(Node node) {
    if (node instanceof MappingNode mapping && !mapping.getValue().isEmpty()) {
      return lastScalar(mapping.getValue().get(mapping.getValue().size() - 1).getValueNode());
    }
    if (node instanceof SequenceNode sequence && !sequence.getValue().isEmpty()) {
      List<Node> items = sequence.getValue();
      return lastScalar(items.get(items.size() - 1));
    }
    return node;
  }

  /** Marks count code points; the text is indexed in chars. */
  private int index(Optional<Mark> mark) {
    return text.offsetByCodePoints(0, mark.orElseThrow().getIndex());
  }

  private int lineStart(int index) {
    return text.lastIndexOf('\n', index - 1) + 1;
  }

  private int lineEnd(int index) {
    int newlineAt = text.indexOf('\n', index);
    if (newlineAt < 0) {
      return text.length();
    }
    return newlineAt > 0 && text.charAt(newlineAt - 1) == '\r' ? newlineAt - 1 : newlineAt;
  }
}
