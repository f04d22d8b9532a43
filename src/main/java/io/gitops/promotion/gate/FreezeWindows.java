package io.gitops.promotion.gate;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * The configured freeze windows and the decision they make for an environment at an instant: frozen
 * while a {@code deny} window covering it is open, or while {@code allow} windows cover it and none
 * of them is open. The opening time accounts for windows that overlap or follow each other.
 */
public final class FreezeWindows {
  /** Chained windows are followed this far before giving up on an exact opening time. */
  private static final int MAX_HOPS = 100;

  private final List<FreezeWindow> windows;

  public FreezeWindows(List<FreezeWindow> windows) {
    this.windows = List.copyOf(windows);
  }

  public static FreezeWindows none() {
    return new FreezeWindows(List.of());
  }

  public boolean isEmpty() {
    return windows.isEmpty();
  }

  public GateDecision decide(String environment, Instant now) {
    Optional<Blocker> blocker = blocker(environment, now);
    if (blocker.isEmpty()) {
      return GateDecision.openNow();
    }
    Instant opensAt = now;
    Blocker first = blocker.get();
    Optional<Blocker> current = blocker;
    for (int hop = 0; hop < MAX_HOPS && current.isPresent(); hop++) {
      if (current.get().until() == null) {
        opensAt = null;
        break;
      }
      opensAt = current.get().until();
      current = blocker(environment, opensAt);
    }
    if (current.isPresent()) {
      opensAt = null;
    }
    String message =
        environment
            + " is frozen by window '"
            + first.window().name()
            + "'"
            + (opensAt == null ? "; no opening is scheduled" : " until " + opensAt);
    return GateDecision.closed(GateDecision.FREEZE_WINDOW, message, opensAt);
  }

  /** The window that keeps the environment frozen at {@code at}, and until when. */
  private Optional<Blocker> blocker(String environment, Instant at) {
    Optional<Blocker> denied =
        windows.stream()
            .filter(w -> w.kind() == FreezeWindow.Kind.DENY && w.covers(environment))
            .flatMap(w -> w.openUntil(at).map(until -> new Blocker(w, until)).stream())
            .max(Comparator.comparing(Blocker::until));
    if (denied.isPresent()) {
      return denied;
    }
    List<FreezeWindow> allows =
        windows.stream()
            .filter(w -> w.kind() == FreezeWindow.Kind.ALLOW && w.covers(environment))
            .toList();
    if (allows.isEmpty() || allows.stream().anyMatch(w -> w.openUntil(at).isPresent())) {
      return Optional.empty();
    }
    return allows.stream()
        .flatMap(w -> w.nextOpening(at).map(next -> new Blocker(w, next)).stream())
        .min(Comparator.comparing(Blocker::until))
        .or(() -> Optional.of(new Blocker(allows.get(0), null)));
  }

  private record Blocker(FreezeWindow window, Instant until) {}
}
