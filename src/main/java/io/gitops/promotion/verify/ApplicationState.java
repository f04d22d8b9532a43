package io.gitops.promotion.verify;

/**
 * What an Argo CD Application reports: {@code status.sync.revision}, {@code status.sync.status} and
 * {@code status.health.status} (null when absent).
 */
public record ApplicationState(String name, String revision, String syncStatus, String health) {
  public String describe() {
    return name
        + " "
        + (syncStatus == null ? "Unknown" : syncStatus)
        + " at "
        + (revision == null ? "no revision" : revision.substring(0, Math.min(8, revision.length())))
        + ", "
        + (health == null ? "health Unknown" : health);
  }
}
