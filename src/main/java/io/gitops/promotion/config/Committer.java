package io.gitops.promotion.config;

/** Author and committer of the operator's commits. */
public record Committer(String name, String email) {
  public static final Committer DEFAULT =
      new Committer("promotion-operator", "promotion-operator@localhost");
}
