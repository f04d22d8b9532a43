package io.gitops.promotion.gitlab;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A request to the fake GitLab: method, decoded path segments after {@code /api/v4}, parameters.
 */
record FakeRequest(String method, List<String> segments, Map<String, String> params) {

  String param(String name) {
    String value = params.get(name);
    return value == null || value.isEmpty() ? null : value;
  }

  /**
   * GitLab answers missing required parameters with {@code 400 {"error":"a is missing, b is
   * missing"}}.
   */
  void require(String... names) {
    List<String> missing = new ArrayList<>();
    for (String name : names) {
      if (param(name) == null) {
        missing.add(name + " is missing");
      }
    }
    if (!missing.isEmpty()) {
      throw FakeApiError.error(400, String.join(", ", missing));
    }
  }

  void requireOneOf(String name, List<String> allowed) {
    String value = param(name);
    if (value != null && !allowed.contains(value)) {
      throw FakeApiError.error(400, name + " does not have a valid value");
    }
  }

  int intParam(String name, int fallback) {
    String value = param(name);
    try {
      return value == null ? fallback : Integer.parseInt(value);
    } catch (NumberFormatException e) {
      throw FakeApiError.error(400, name + " is invalid");
    }
  }
}
