package io.gitops.promotion.state;

import io.gitops.promotion.yaml.NestingLimit;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.composer.Composer;
import org.snakeyaml.engine.v2.exceptions.YamlEngineException;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.parser.ParserImpl;
import org.snakeyaml.engine.v2.scanner.StreamReader;

/**
 * Reads one state entry from the region of the file that holds it, so that reading an entry costs
 * the size of that entry, not of the file. The region is composed on its own, padded to its column
 * so that its indentation still holds; an alias to an anchor outside the entry therefore does not
 * resolve and is refused. Fields are read by {@link EntryNodes}: as the strings written.
 */
final class EntryDecoder {

  private final LoadSettings settings;

  EntryDecoder(LoadSettings settings) {
    this.settings = settings;
  }

  /**
   * @param group the group whose tags {@code pre_state} and {@code post_state} hold
   * @param path the entry's path for messages, e.g. {@code environments.TST.tbd-test}
   */
  StateEntry decode(String text, TextRegion region, String group, String path) {
    Node root = compose(text, region, path);
    EntryNodes nodes = new EntryNodes(region.line());
    Map<String, Node> entry = nodes.mapping(root, path);
    Node promotionNode = entry.get("promotion");
    if (promotionNode == null) {
      throw nodes.invalid(root, path + " has no promotion");
    }
    return new StateEntry(
        group,
        promotion(nodes, promotionNode, path + ".promotion"),
        snapshot(nodes, entry.get("pre_state"), group, path + ".pre_state"),
        snapshot(nodes, entry.get("post_state"), group, path + ".post_state"),
        rollbacks(nodes, entry.get("rollbacks"), path + ".rollbacks"));
  }

  /**
   * The environment and group of a legacy flat file, whose root is the entry: {@code
   * promotion.target_env} and the single group of {@code pre_state}.
   */
  StateLayout.LegacyEntry legacy(String text, TextRegion region) {
    Node root = compose(text, region, "the legacy state file");
    EntryNodes nodes = new EntryNodes(region.line());
    Map<String, Node> entry = nodes.mapping(root, "the legacy state file");
    String environment =
        nodes.text(
            nodes.mapping(entry.get("promotion"), "promotion").get("target_env"),
            "promotion.target_env");
    Map<String, Node> groups = nodes.mapping(entry.get("pre_state"), "pre_state");
    if (environment == null || groups.size() != 1) {
      throw nodes.invalid(
          root, "legacy state file needs promotion.target_env and exactly one group in pre_state");
    }
    return new StateLayout.LegacyEntry(environment, groups.keySet().iterator().next(), region);
  }

  private Node compose(String text, TextRegion region, String path) {
    String fragment = " ".repeat(region.column()) + text.substring(region.start(), region.end());
    Node root;
    try {
      root =
          new Composer(
                  settings,
                  new NestingLimit(
                      new ParserImpl(settings, new StreamReader(settings, fragment)),
                      "a state file"))
              .getSingleNode()
              .orElseThrow(
                  () -> new StateFormatException(region.position() + ": " + path + " is empty"));
    } catch (NestingLimit.TooDeep e) {
      throw new StateFormatException(region.position() + ": " + path + ": " + e.getMessage(), e);
    } catch (YamlEngineException e) {
      throw new StateFormatException(
          region.position()
              + ": "
              + path
              + " cannot be read on its own (an alias to"
              + " an anchor outside the entry?): "
              + e.getMessage(),
          e);
    }
    return root;
  }

  private static PromotionRecord promotion(EntryNodes nodes, Node node, String path) {
    Map<String, Node> p = nodes.mapping(node, path);
    String id = nodes.text(p.get("id"), path + ".id");
    String forced = nodes.text(p.get("forced"), path + ".forced");
    return new PromotionRecord(
        id != null ? id : nodes.text(p.get("pipeline_id"), path + ".pipeline_id"),
        nodes.text(p.get("version"), path + ".version"),
        nodes.text(p.get("source_env"), path + ".source_env"),
        nodes.text(p.get("target_env"), path + ".target_env"),
        instant(nodes, p.get("created_at"), path + ".created_at"),
        nodes.text(p.get("created_by"), path + ".created_by"),
        nodes.text(p.get("tag"), path + ".tag"),
        forced != null && forced.toLowerCase(Locale.ROOT).equals("true")
            ? textOr(nodes.text(p.get("reason"), path + ".reason"), "")
            : null);
  }

  private static List<RollbackRecord> rollbacks(EntryNodes nodes, Node node, String path) {
    List<RollbackRecord> rollbacks = new ArrayList<>();
    nodes
        .sequence(node, path)
        .ifPresent(
            sequence -> {
              for (Node item : sequence.getValue()) {
                String where = path + "[" + rollbacks.size() + "]";
                Map<String, Node> r = nodes.mapping(item, where);
                rollbacks.add(
                    new RollbackRecord(
                        nodes.text(r.get("id"), where + ".id"),
                        nodes.text(r.get("promotion_id"), where + ".promotion_id"),
                        instant(nodes, r.get("created_at"), where + ".created_at"),
                        nodes.text(r.get("created_by"), where + ".created_by"),
                        nodes.text(r.get("forced_reason"), where + ".forced_reason")));
              }
            });
    return rollbacks;
  }

  private static TagSnapshot snapshot(EntryNodes nodes, Node node, String group, String path) {
    Node services = node == null ? null : nodes.mapping(node, path).get(group);
    TagSnapshot.Builder builder = TagSnapshot.builder();
    if (services == null) {
      return builder.build();
    }
    String groupPath = path + "." + group;
    nodes
        .mapping(services, groupPath)
        .forEach(
            (service, apps) ->
                nodes
                    .mapping(apps, groupPath + "." + service)
                    .forEach(
                        (app, tag) ->
                            builder.put(
                                service,
                                app,
                                nodes.text(tag, groupPath + "." + service + "." + app))));
    return builder.build();
  }

  private static Instant instant(EntryNodes nodes, Node node, String path) {
    String value = nodes.text(node, path);
    if (value == null) {
      return null;
    }
    try {
      return Instant.parse(value);
    } catch (DateTimeParseException e) {
      throw new StateFormatException(
          nodes.invalid(node, path + " is not an ISO-8601 instant: " + value).getMessage(), e);
    }
  }

  private static String textOr(String value, String fallback) {
    return value == null ? fallback : value;
  }
}
