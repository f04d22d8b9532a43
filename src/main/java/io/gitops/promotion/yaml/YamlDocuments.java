package io.gitops.promotion.yaml;

import java.util.ArrayList;
import java.util.List;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.composer.Composer;
import org.snakeyaml.engine.v2.exceptions.YamlEngineException;
import org.snakeyaml.engine.v2.nodes.MappingNode;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.ScalarNode;
import org.snakeyaml.engine.v2.nodes.Tag;
import org.snakeyaml.engine.v2.parser.ParserImpl;
import org.snakeyaml.engine.v2.scanner.StreamReader;
import org.snakeyaml.engine.v2.schema.CoreSchema;

/**
 * The root mappings of every non-empty document of a YAML stream, composed with marks (so values
 * can be located in the text) and the {@link NestingLimit}. A document whose root is not a mapping
 * makes the stream unreadable, as for overlays.
 */
final class YamlDocuments {

  private YamlDocuments() {}

  static List<MappingNode> roots(String text) throws OverlayFormatException {
    LoadSettings settings = LoadSettings.builder().setSchema(new CoreSchema()).build();
    List<MappingNode> roots = new ArrayList<>();
    try {
      Composer composer =
          new Composer(
              settings,
              new NestingLimit(new ParserImpl(settings, new StreamReader(settings, text))));
      while (composer.hasNext()) {
        Node root = composer.next();
        if (root instanceof ScalarNode scalar
            && scalar.getTag().equals(Tag.NULL)
            && scalar.getValue().isEmpty()) {
          continue;
        }
        if (!(root instanceof MappingNode mapping)) {
          throw new OverlayFormatException(
              SourcePosition.of(root) + ": the document is not a mapping (key: value)");
        }
        roots.add(mapping);
      }
    } catch (NestingLimit.TooDeep e) {
      throw new OverlayFormatException(e.getMessage());
    } catch (YamlEngineException e) {
      throw new OverlayFormatException("not valid YAML: " + e.getMessage(), e);
    }
    return roots;
  }

  /** The string value of a scalar; null for YAML null or a node that is not a scalar. */
  static String string(Node node) {
    return node instanceof ScalarNode scalar && !scalar.getTag().equals(Tag.NULL)
        ? scalar.getValue()
        : null;
  }
}
