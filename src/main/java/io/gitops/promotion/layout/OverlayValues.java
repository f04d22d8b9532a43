package io.gitops.promotion.layout;

import io.gitops.promotion.engine.PromotionRejectedException;
import io.gitops.promotion.engine.RejectionReason;
import io.gitops.promotion.yaml.OverlayFile;
import io.gitops.promotion.yaml.OverlayFormatException;
import java.util.List;
import java.util.Map;

/** An overlay {@code values.yaml} seen through {@link ValuesFile}: {@code applications[].image.tag}. */
final class OverlayValues implements ValuesFile {
  private final String path;
  private final OverlayFile overlay;
  private final List<PromotableApplication> applications;

  private OverlayValues(String path, OverlayFile overlay) {
    this.path = path;
    this.overlay = overlay;
    this.applications = overlay.applications().stream()
        .map(a -> new PromotableApplication(a.name(), a.tag(), a.gitlabProjectId())).toList();
  }

  static OverlayValues parse(String path, String text) {
    try {
      return new OverlayValues(path, OverlayFile.parse(text));
    } catch (OverlayFormatException e) {
      throw invalid(path, e);
    }
  }

  @Override
  public List<String> warnings() {
    return overlay.warnings().stream().map(w -> path + ": " + w).toList();
  }

  @Override
  public List<PromotableApplication> applications() {
    return applications;
  }

  @Override
  public String withValues(Map<String, String> newValues) {
    try {
      return overlay.withTags(newValues);
    } catch (OverlayFormatException e) {
      throw invalid(path, e);
    }
  }

  private static PromotionRejectedException invalid(String path, OverlayFormatException e) {
    return new PromotionRejectedException(RejectionReason.INVALID_OVERLAY, path + ": " + e.getMessage(), e);
  }
}
