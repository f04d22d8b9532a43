package io.gitops.promotion.gitlabhook;

import java.util.Arrays;

/** The GitLab events the endpoint understands, by their {@code X-Gitlab-Event} header. */
public enum HookKind {
  MERGE_REQUEST("Merge Request Hook", "merge_request"),
  PIPELINE("Pipeline Hook", "pipeline"),
  NOTE("Note Hook", "note"),
  /** Any other event, or none: answered and ignored. */
  OTHER(null, "other");

  private final String header;
  private final String label;

  HookKind(String header, String label) {
    this.header = header;
    this.label = label;
  }

  /** The kind an {@code X-Gitlab-Event} header names; null or unknown is {@link #OTHER}. */
  public static HookKind of(String header) {
    return Arrays.stream(values())
        .filter(k -> k.header != null && k.header.equalsIgnoreCase(header == null ? "" : header))
        .findFirst()
        .orElse(OTHER);
  }

  /** Its value in metrics: a bounded set, whatever the header said. */
  public String label() {
    return label;
  }
}
