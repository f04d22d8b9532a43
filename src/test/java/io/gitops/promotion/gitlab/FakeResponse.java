package io.gitops.promotion.gitlab;

import java.util.LinkedHashMap;
import java.util.Map;

/** A response of the fake GitLab: status, JSON body (or text) and extra headers. */
record FakeResponse(int status, Object body, Map<String, String> headers) {

  static FakeResponse json(int status, Object body) {
    return new FakeResponse(status, body, Map.of());
  }

  FakeResponse withHeaders(Map<String, String> extra) {
    Map<String, String> all = new LinkedHashMap<>(headers);
    all.putAll(extra);
    return new FakeResponse(status, body, all);
  }
}
