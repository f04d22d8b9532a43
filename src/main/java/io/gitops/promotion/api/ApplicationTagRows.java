package io.gitops.promotion.api;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.deser.std.StdDeserializer;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads {@code status.preState}/{@code postState} as rows of {@link ApplicationTag}, and also in
 * the form v1alpha1 wrote before it became a list (group -> service -> app -> tag), so that
 * promotions stored by an older operator still load after the upgrade.
 */
final class ApplicationTagRows extends StdDeserializer<List<ApplicationTag>> {
  ApplicationTagRows() {
    super(List.class);
  }

  @Override
  public List<ApplicationTag> deserialize(JsonParser parser, DeserializationContext context)
      throws IOException {
    JsonNode node = parser.readValueAsTree();
    List<ApplicationTag> rows = new ArrayList<>();
    if (node.isArray()) {
      for (JsonNode row : node) {
        rows.add(
            new ApplicationTag(
                text(row.get("service")), text(row.get("app")), text(row.get("tag"))));
      }
      return rows;
    }
    // the former map form: the group level is dropped, the group is spec.workloadGroup
    node.properties()
        .forEach(
            group ->
                group
                    .getValue()
                    .properties()
                    .forEach(
                        service ->
                            service
                                .getValue()
                                .properties()
                                .forEach(
                                    app ->
                                        rows.add(
                                            new ApplicationTag(
                                                service.getKey(),
                                                app.getKey(),
                                                text(app.getValue()))))));
    return rows;
  }

  private static String text(JsonNode value) {
    return value == null || value.isNull() ? null : value.asText();
  }
}
