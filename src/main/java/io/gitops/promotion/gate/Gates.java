package io.gitops.promotion.gate;

/** The gates of a configuration: freeze windows and soak time. */
public record Gates(FreezeWindows windows, SoakPolicy soak) {
  public static Gates none() {
    return new Gates(FreezeWindows.none(), SoakPolicy.none());
  }
}
