package io.gitops.promotion.notify;

/** Tells the webhooks of a notice's repository about it; returns at once and never throws. */
public interface Notifier {
  Notifier NONE = notice -> {};

  void notify(Notice notice);
}
