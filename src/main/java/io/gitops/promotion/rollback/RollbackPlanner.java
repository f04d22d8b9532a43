package io.gitops.promotion.rollback;

import io.gitops.promotion.engine.FileEdit;
import io.gitops.promotion.engine.PlainName;
import io.gitops.promotion.engine.PromotionPlan;
import io.gitops.promotion.engine.RejectionReason;
import io.gitops.promotion.engine.RequestRejectedException;
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
 *
 * <p>An overlay that is exactly what the promotion's edit made of its earlier content gets that
 * earlier content back, byte for byte: a plain {@code 1.9.2} the promotion had to quote to write
 * {@code "1.10"} comes back plain. Any other overlay has only its tag values edited.
 */
public final class RollbackPlanner {
  private final Layout layout;

  public RollbackPlanner(Layout layout) {
    this.layout = layout;
  }

  /**
   * @param entry the state file's record of the promotion to roll back
   * @param files reads a file of the repository by its path from the root, empty when there is none
   * @param beforeLastChange what a file held before the newest commit that changed it, when known
   */
  public RollbackPlan plan(
      RollbackRequest request,
      StateEntry entry,
      Function<String, Optional<String>> files,
      Function<String, Optional<String>> beforeLastChange) {
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
        String actual =
            overlay == null
                ? null
                : overlay.application(app.getKey()).map(PromotableApplication::tag).orElse(null);
        if (pre == null || pre.equals(actual)) {
          continue;
        }
        if (actual != null && (actual.equals(expected) || request.force())) {
          restorations.add(new Restoration(service.getKey(), app.getKey(), actual, pre));
          newTags.put(app.getKey(), pre);
          // the edit changes image tags only, so the overlay names the same project after it
          overlay
              .application(app.getKey())
              .map(PromotableApplication::gitlabProjectId)
              .ifPresent(
                  id ->
                      gitlabProjectIds.put(
                          PromotionPlan.applicationKey(service.getKey(), app.getKey()), id));
        } else {
          conflicts.add(new Conflict(service.getKey(), app.getKey(), expected, actual, pre));
        }
      }
      if (!newTags.isEmpty()) {
        String restored =
            beforeLastChange
                .apply(path)
                .filter(
                    earlier -> undoneExactly(path, earlier, text.orElseThrow(), overlay, newTags))
                .orElseGet(() -> overlay.withValues(newTags));
        edits.add(new FileEdit(path, text.orElseThrow(), restored));
      }
    }
    return new RollbackPlan(
        request, entry.promotion(), restorations, conflicts, edits, gitlabProjectIds);
  }

  /**
   * Whether {@code earlier} is what the overlay should become: it holds the tags to restore, and
   * editing those applications of it to their current tags gives the current text exactly. Then
   * nothing but those tags changed since, and its bytes are the restored overlay's.
   */
  private boolean undoneExactly(
      String path,
      String earlier,
      String current,
      ValuesFile overlay,
      Map<String, String> restoredTags) {
    ValuesFile before;
    try {
      before = layout.parse(path, earlier);
    } catch (RequestRejectedException unreadable) {
      return false;
    }
    Map<String, String> currentTags = new LinkedHashMap<>();
    for (Map.Entry<String, String> restored : restoredTags.entrySet()) {
      Optional<String> earlierTag =
          before.application(restored.getKey()).map(PromotableApplication::tag);
      if (!earlierTag.equals(Optional.of(restored.getValue()))) {
        return false;
      }
      overlay
          .application(restored.getKey())
          .map(PromotableApplication::tag)
          .ifPresent(tag -> currentTags.put(restored.getKey(), tag));
    }
    return before.withValues(currentTags).equals(current);
  }

  /**
   * Names from the state file become path segments: one that is not a plain name (a path, {@code
   * ..}) makes the state file invalid rather than a path outside the group.
   */
  /**
   * Application names are never paths, but may be image names ({@code
   * harbor.example.com:5000/shop/web}).
   */
  private static void requireApplicationName(String name, RollbackRequest request) {
    if (!name.matches("[A-Za-z0-9][A-Za-z0-9._/:@-]{0,254}")) {
      throw new RequestRejectedException(
          RejectionReason.INVALID_STATE_FILE,
          "the state entry of "
              + request.group()
              + " in "
              + request.target().name()
              + " names application '"
              + name
              + "', which is not an application name");
    }
  }

  private static void requirePlain(String what, String name, RollbackRequest request) {
    if (!PlainName.isPlain(name)) {
      throw new RequestRejectedException(
          RejectionReason.INVALID_STATE_FILE,
          "the state entry of "
              + request.group()
              + " in "
              + request.target().name()
              + " names "
              + what
              + " '"
              + name
              + "', which is not a plain name");
    }
  }
}
