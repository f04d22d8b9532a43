package io.gitops.promotion.api;

/** One Argo CD Application as verification last saw it. */
public class ApplicationStatus {
  private String name;
  private String revision;
  private String syncStatus;
  private String health;

  public ApplicationStatus() {}

  public ApplicationStatus(String name, String revision, String syncStatus, String health) {
    this.name = name;
    this.revision = revision;
    this.syncStatus = syncStatus;
    this.health = health;
  }

  public String getName() {
    return name;
  }

  public void setName(String name) {
    this.name = name;
  }

  public String getRevision() {
    return revision;
  }

  public void setRevision(String revision) {
    this.revision = revision;
  }

  public String getSyncStatus() {
    return syncStatus;
  }

  public void setSyncStatus(String syncStatus) {
    this.syncStatus = syncStatus;
  }

  public String getHealth() {
    return health;
  }

  public void setHealth(String health) {
    this.health = health;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof ApplicationStatus a
        && java.util.Objects.equals(name, a.name)
        && java.util.Objects.equals(revision, a.revision)
        && java.util.Objects.equals(syncStatus, a.syncStatus)
        && java.util.Objects.equals(health, a.health);
  }

  @Override
  public int hashCode() {
    return java.util.Objects.hash(name, revision, syncStatus, health);
  }
}
