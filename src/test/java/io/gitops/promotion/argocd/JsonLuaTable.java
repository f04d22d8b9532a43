package io.gitops.promotion.argocd;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;
import org.luaj.vm2.LuaTable;
import org.luaj.vm2.LuaValue;

/**
 * Converts a JSON tree to the Lua value Argo CD gives a health script as {@code obj}: objects
 * become tables keyed by field name, arrays 1-based tables, null nil, every number a Lua number.
 */
final class JsonLuaTable {
  private JsonLuaTable() {}

  static LuaValue of(JsonNode node) {
    return switch (node.getNodeType()) {
      case OBJECT -> object(node);
      case ARRAY -> array(node);
      case STRING -> LuaValue.valueOf(node.textValue());
      case BOOLEAN -> LuaValue.valueOf(node.booleanValue());
      case NUMBER ->
          node.canConvertToInt() && node.isIntegralNumber()
              ? LuaValue.valueOf(node.intValue())
              : LuaValue.valueOf(node.doubleValue());
      case NULL, MISSING -> LuaValue.NIL;
      case BINARY, POJO ->
          throw new IllegalArgumentException("not a JSON value: " + node.getNodeType());
    };
  }

  private static LuaTable object(JsonNode node) {
    LuaTable table = new LuaTable();
    for (Map.Entry<String, JsonNode> field : node.properties()) {
      table.set(field.getKey(), of(field.getValue()));
    }
    return table;
  }

  private static LuaTable array(JsonNode node) {
    LuaTable table = new LuaTable();
    for (int i = 0; i < node.size(); i++) {
      table.set(i + 1, of(node.get(i)));
    }
    return table;
  }
}
