package io.gitops.promotion.state;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Image tags of one workload group at one moment, as the state file records them: service ->
 * application -> tag, in the order the services were read. Immutable.
 */
public final class TagSnapshot {
  private final Map<String, Map<String, String>> tags;

  private TagSnapshot(Map<String, Map<String, String>> tags) {
    this.tags = tags;
  }

  public static TagSnapshot of(Map<String, Map<String, String>> tags) {
    Map<String, Map<String, String>> copy = new LinkedHashMap<>();
    tags.forEach(
        (service, apps) ->
            copy.put(service, Collections.unmodifiableMap(new LinkedHashMap<>(apps))));
    return new TagSnapshot(Collections.unmodifiableMap(copy));
  }

  public static Builder builder() {
    return new Builder();
  }

  /** service -> application -> tag. */
  public Map<String, Map<String, String>> services() {
    return tags;
  }

  public Optional<String> tag(String service, String app) {
    return Optional.ofNullable(tags.getOrDefault(service, Map.of()).get(app));
  }

  public boolean isEmpty() {
    return tags.isEmpty();
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof TagSnapshot other && tags.equals(other.tags);
  }

  @Override
  public int hashCode() {
    return tags.hashCode();
  }

  @Override
  public String toString() {
    return tags.toString();
  }

  /** Collects tags service by service. */
  public static final class Builder {
    private final Map<String, Map<String, String>> tags = new LinkedHashMap<>();

    public Builder put(String service, String app, String tag) {
      tags.computeIfAbsent(service, s -> new LinkedHashMap<>()).put(app, tag);
      return this;
    }

    public TagSnapshot build() {
      return of(tags);
    }
  }
}
