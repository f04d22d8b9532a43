package io.gitops.promotion.yaml;

import java.util.Optional;
import org.snakeyaml.engine.v2.common.ScalarStyle;
import org.snakeyaml.engine.v2.nodes.NodeTuple;
import org.snakeyaml.engine.v2.nodes.ScalarNode;

/**
 * Where the {@code image.tag} value of one application sits in the overlay text, in which quoting
 * style, and, when it must not be rewritten, why. A refused site still reads fine; the refusal is
 * raised only when someone asks to change the value.
 *
 * @param application the application the tag belongs to
 * @param field the key path of the value for messages, e.g. {@code image.tag} or {@code newTag}
 * @param references whether the value may be an image reference or digest ({@code sha256:...},
 *     {@code repo/name:1.0}), which may then stay plain
 * @param position where the {@code tag} key is, for messages
 * @param start index (UTF-16, as {@link String} counts) of the value's first character
 * @param end index just past the value's last character; equal to {@code start} for an empty value
 * @param style the value's quoting style
 * @param refusal why the value cannot be rewritten safely, or {@code null} when it can
 */
record TagSite(
    String application,
    String field,
    boolean references,
    SourcePosition position,
    int start,
    int end,
    ScalarStyle style,
    String refusal) {

  /**
   * Locates the value of a {@code tag: value} pair.
   *
   * @param sharedBy a reason when a mapping above the tag (applications, the application, its
   *     image) is anchored or an alias, so that editing the text would also change other places;
   *     {@code null} otherwise
   */
  static TagSite of(String application, NodeTuple tagPair, String sharedBy, String text) {
    return of(application, "image.tag", false, tagPair, sharedBy, text);
  }

  /** Locates the value of any {@code key: value} pair, e.g. a kustomize image's {@code newTag}. */
  static TagSite of(
      String application,
      String field,
      boolean references,
      NodeTuple tagPair,
      String sharedBy,
      String text) {
    ScalarNode value = (ScalarNode) tagPair.getValueNode();
    int start = charIndex(text, value.getStartMark().orElseThrow().getIndex());
    int end = charIndex(text, value.getEndMark().orElseThrow().getIndex());
    int keyEnd = charIndex(text, tagPair.getKeyNode().getEndMark().orElseThrow().getIndex());
    SourcePosition position = SourcePosition.of(tagPair.getKeyNode());
    String refusal = refusal(value, text, start, end, keyEnd, sharedBy);
    return new TagSite(
        application, field, references, position, start, end, value.getScalarStyle(), refusal);
  }

  private static String refusal(
      ScalarNode value, String text, int start, int end, int keyEnd, String sharedBy) {
    Optional<String> anchor = value.getAnchor().map(a -> a.getValue());
    if (sharedBy != null) {
      return sharedBy;
    }
    if (anchor.isPresent() && start < keyEnd) {
      // The composer hands out the anchored node itself for an alias, marks and all.
      return "the value is an alias (*"
          + anchor.get()
          + ") of a value defined at "
          + SourcePosition.of(value)
          + "; editing it would change that value too";
    }
    if (anchor.isPresent()) {
      return "the value carries an anchor (&"
          + anchor.get()
          + ") that other nodes may refer to; editing it would change them too";
    }
    if (start < end && text.charAt(start) == '!') {
      return "the value has an explicit YAML tag ("
          + text.substring(start, end).split("\\s")[0]
          + "); remove the tag or edit the value by hand";
    }
    if (value.getScalarStyle() == ScalarStyle.LITERAL
        || value.getScalarStyle() == ScalarStyle.FOLDED) {
      return "the value is a block scalar (| or >); write it on one line, e.g. tag: \"1.0.0\"";
    }
    if (start == end && (start == 0 || text.charAt(start - 1) != ':')) {
      return "the value is empty and not written right after the key; write a value first";
    }
    return null;
  }

  /** snakeyaml-engine marks count code points; Java strings count UTF-16 units. */
  private static int charIndex(String text, int codePointIndex) {
    return text.offsetByCodePoints(0, codePointIndex);
  }
}
