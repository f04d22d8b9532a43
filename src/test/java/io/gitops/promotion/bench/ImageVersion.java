package io.gitops.promotion.bench;

/**
 * A semantic image tag as the synthetic repository writes it: {@code 1.4.2} or {@code 1.5.0-rc.3}.
 */
record ImageVersion(int major, int minor, int patch, int rc) {
  static ImageVersion release(int major, int minor, int patch) {
    return new ImageVersion(major, minor, patch, 0);
  }

  ImageVersion nextPatch() {
    return release(major, minor, patch + 1);
  }

  ImageVersion nextMinor() {
    return release(major, minor + 1, 0);
  }

  /** The next release candidate of the next minor version, or the next candidate of this one. */
  ImageVersion nextCandidate() {
    return rc == 0
        ? new ImageVersion(major, minor + 1, 0, 1)
        : new ImageVersion(major, minor, patch, rc + 1);
  }

  /**
   * The tag text {@code nextPatch} would give, for a tag read back from a file; unknown forms get a
   * suffix.
   */
  static String nextPatchOf(String tag) {
    String[] parts = tag.split("\\.");
    if (parts.length == 3 && parts[2].chars().allMatch(Character::isDigit) && !parts[2].isEmpty()) {
      return parts[0] + "." + parts[1] + "." + (Integer.parseInt(parts[2]) + 1);
    }
    return tag + ".1";
  }

  @Override
  public String toString() {
    return major + "." + minor + "." + patch + (rc == 0 ? "" : "-rc." + rc);
  }
}
