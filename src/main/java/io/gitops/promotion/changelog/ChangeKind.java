package io.gitops.promotion.changelog;

/** A Keep a Changelog section; the declaration order is the order the sections are rendered in. */
public enum ChangeKind {
  ADDED("Added"),
  CHANGED("Changed"),
  FIXED("Fixed"),
  REMOVED("Removed");

  private final String heading;

  ChangeKind(String heading) {
    this.heading = heading;
  }

  /** The section title as the release description shows it, e.g. {@code Added}. */
  public String heading() {
    return heading;
  }
}
