package io.gitops.promotion.gitlabhook;

/** Told of every delivery the endpoint answered (the metrics listen). */
public interface HookListener {
  HookListener NONE = (kind, outcome) -> {};

  void handled(HookKind kind, HookOutcome outcome);
}
