package io.gitops.promotion.engine;

import java.util.regex.Pattern;

/**
 * A group or service name that is safe to use as one path segment: no separators, no {@code ..},
 * nothing absolute, nothing hidden.
 */
public final class PlainName {
  /** The same pattern the CRD enforces on names. */
  public static final String PATTERN = "^[A-Za-z0-9][A-Za-z0-9._-]{0,62}$";

  private static final Pattern VALID = Pattern.compile(PATTERN);

  private PlainName() {}

  public static boolean isPlain(String name) {
    return name != null && VALID.matcher(name).matches() && !name.contains("..");
  }

  /** Returns the name or rejects the request naming what was wrong. */
  public static String require(String what, String name) {
    if (name == null || name.isBlank()) {
      throw new RequestRejectedException(RejectionReason.INVALID_NAME, what + " is required");
    }
    if (!isPlain(name)) {
      throw new RequestRejectedException(
          RejectionReason.INVALID_NAME,
          what
              + " '"
              + name
              + "' is not a plain name (letters, digits, '.', '_', '-'; no '/', '..' or absolute path)");
    }
    return name;
  }
}
