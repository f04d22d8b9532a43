package io.gitops.promotion.rollback;

import io.gitops.promotion.engine.FileEdit;
import io.gitops.promotion.engine.PromotionPlan;
import io.gitops.promotion.engine.PlainName;
import io.gitops.promotion.engine.PromotionRejectedException;
import io.gitops.promotion.engine.RejectionReason;
import io.gitops.promotion.layout.Layout;
import io.gitops.promotion.layout.PromotableApplication;
import io.gitops.promotion.layout.ValuesFile;
import io.gitops.promotion.state.StateEntry;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * Turns a recorded promotion and the current target overlays into a {@link RollbackPlan}. Pure: it
 * reads files through the function it is given and writes nothing.
 *
 * <p>Each application of {@code pre_state} is, by its current tag: already at its pre-promotion tag
 * (nothing to do); at the tag the promotion wrote (restored); at any other tag (changed by someone
 * since: a conflict, restored only when forced); or gone with its overlay, application or tag (a
 * conflict even when forced: nothing is invented).
 */
public final class RollbackPlanner {
  private final Layout layout;

  public RollbackPlanner(Layout layout) {
    this.layout = layout;
  }

  /**
   * @param entry the state file's record of the promotion to roll back
   * @param files reads a file of the repository by its path from the root, empty when there is none
   */
  public RollbackPlan plan(RollbackRequest request, StateEntry entry, Function<String, Optional<String>> files) {
    List<Restoration> restorations = new ArrayList<>();
    List<Conflict> conflicts = new ArrayList<>();
    List<FileEdit> edits = new ArrayList<>();
    Map<String, Long> gitlabProjectIds = new LinkedHashMap<>();
    for (Map.Entry<String, Map<String, String>> service : entry.preState().services().entrySet()) {
      requirePlain("service", service.getKey(), request);
      service.getValue().keySet().forEach(app -> requireApplicationName(app, request));
      String path = layout.valuesPath(request.group(), service.getKey(), request.target());
      Optional<String> text = files.apply(path);
      ValuesFile overlay = text.map(t -> layout.parse(path, t)).orElse(null);
      Map<String, String> newTags = new LinkedHashMap<>();
      for (Map.Entry<String, String> app : service.getValue().entrySet()) {
        String pre = app.getValue();
        String expected = entry.postState().tag(service.getKey(), app.getKey()).orElse(null);
        String actual = overlay == null ? null
            : overlay.application(app.getKey()).map(PromotableApplication::tag).orElse(null);
        if (pre == null || pre.equals(actual)) {
          continue;
        }
        if (actual != null && (actual.equals(expected) || request.force())) {
          restorations.add(new Restoration(service.getKey(), app.getKey(), actual, pre));
          newTags.put(app.getKey(), pre);
          // the edit changes image tags only, so the overlay names the same project after it
          overlay.application(app.getKey()).map(PromotableApplication::gitlabProjectId).ifPresent(id ->
              gitlabProjectIds.put(PromotionPlan.applicationKey(service.getKey(), app.getKey()), id));
        } else {
          conflicts.add(new Conflict(service.getKey(), app.getKey(), expected, actual, pre));
        }
      }
      if (!newTags.isEmpty()) {
        edits.add(new FileEdit(path, text.orElseThrow(), overlay.withValues(newTags)));
      }
    }
    return new RollbackPlan(request, entry.promotion(), restorations, conflicts, edits, gitlabProjectIds);
  }

  /**
   * Names from the state file become path segments: one that is not a plain name (a path, {@code ..})
   * makes the state file invalid rather than a path outside the group.
   */
  /** Application names are never paths, but may be image names ({@code harbor.example.com:5000/shop/web}). */
  private static void requireApplicationName(String name, RollbackRequest request) {
    if (!name.matches("[A-Za-z0-9][A-Za-z0-9._/:@-]{0,254}")) {
      throw new PromotionRejectedException(RejectionReason.INVALID_STATE_FILE, "the state entry of " + request.group()
          + " in " + request.target().name() + " names application '" + name + "', which is not an application name");
    }
  }

  private static void requirePlain(String what, String name, RollbackRequest request) {
    if (!PlainName.isPlain(name)) {
      throw new PromotionRejectedException(RejectionReason.INVALID_STATE_FILE, "the state entry of " + request.group()
          + " in " + request.target().name() + " names " + what + " '" + name + "', which is not a plain name");
    }
  }
}
