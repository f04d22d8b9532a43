package io.gitops.promotion.config;

import java.util.regex.Pattern;

/** The shapes names in the configuration must have, checked before anything uses them. */
public final class NameRules {
  /** One path segment; the engine's PlainName enforces the same on group and service names. */
  private static final Pattern PLAIN = Pattern.compile("^[A-Za-z0-9][A-Za-z0-9._-]{0,62}$");

  private static final Pattern ENVIRONMENT = Pattern.compile(Environment.NAME_PATTERN);
  private static final Pattern DNS_LABEL = Pattern.compile("^[a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?$");
  private static final Pattern DNS_SUBDOMAIN =
      Pattern.compile("^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$");

  /** A URL carrying a password or token in its user info. */
  private static final Pattern URL_WITH_SECRET =
      Pattern.compile("^[A-Za-z][A-Za-z0-9+.-]*://[^/@]*:[^/@]*@.*");

  private NameRules() {}

  static boolean isPlain(String name) {
    return PLAIN.matcher(name).matches() && !name.contains("..");
  }

  /** A relative directory of plain segments: {@code workloads} or {@code gitops/workloads}. */
  public static boolean isRelativeDir(String dir) {
    for (String segment : dir.split("/", -1)) {
      if (!isPlain(segment)) {
        return false;
      }
    }
    return true;
  }

  static boolean isEnvironmentName(String name) {
    return ENVIRONMENT.matcher(name).matches();
  }

  static boolean isDnsLabel(String name) {
    return DNS_LABEL.matcher(name).matches();
  }

  static boolean isDnsSubdomain(String name) {
    return name.length() <= 253 && DNS_SUBDOMAIN.matcher(name).matches();
  }

  static boolean hasEmbeddedSecret(String url) {
    return URL_WITH_SECRET.matcher(url).matches();
  }

  /** A branch name Git accepts, without the rare forms the operator has no use for. */
  static boolean isBranch(String branch) {
    return branch.matches("^[A-Za-z0-9][A-Za-z0-9._/-]*$")
        && !branch.contains("..")
        && !branch.endsWith("/")
        && !branch.endsWith(".lock")
        && !branch.contains("//");
  }
}
