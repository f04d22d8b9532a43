package io.gitops.promotion.yaml;

/**
 * A text is outside {@link PlainBlockYaml}'s subset: thrown while reading it, caught by {@link
 * PlainBlockYaml#read}, never further. Carries no message or stack trace.
 */
final class NotPlainYaml extends Exception {
  static final NotPlainYaml INSTANCE = new NotPlainYaml();

  private NotPlainYaml() {
    super(null, null, false, false);
  }
}
