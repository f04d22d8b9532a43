package io.gitops.promotion.layout;

import io.gitops.promotion.engine.RejectionReason;
import io.gitops.promotion.engine.RequestRejectedException;
import io.gitops.promotion.yaml.OverlayFile;
import io.gitops.promotion.yaml.OverlayFormatException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * An overlay {@code values.yaml} seen through {@link ValuesFile}: {@code applications[].image.tag},
 * pinned by {@code image.digest} when the application has one ({@code 1.5.0@sha256:...}). A target
 * without {@code image.digest} takes a pinned value whole in its tag, as before digests were read.
 */
final class OverlayValues implements ValuesFile {
  private final String path;
  private final OverlayFile overlay;
  private final List<PromotableApplication> applications;

  private OverlayValues(String path, OverlayFile overlay) {
    this.path = path;
    this.overlay = overlay;
    this.applications =
        overlay.applications().stream()
            .map(
                a ->
                    new PromotableApplication(
                        a.name(), value(overlay, a.name(), a.tag()), a.gitlabProjectId()))
            .toList();
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

  private static String value(OverlayFile overlay, String application, String tag) {
    return overlay.digest(application).filter(d -> tag != null).map(d -> tag + "@" + d).orElse(tag);
  }

  @Override
  public String withValues(Map<String, String> newValues) {
    Map<String, String> tags = new LinkedHashMap<>();
    Map<String, String> digests = new LinkedHashMap<>();
    newValues.forEach(
        (application, value) -> {
          int at = value == null ? -1 : value.indexOf('@');
          if (at >= 0 && overlay.hasDigestKey(application)) {
            tags.put(application, value.substring(0, at));
            digests.put(application, value.substring(at + 1));
          } else if (at < 0 && overlay.digest(application).isPresent()) {
            throw new RequestRejectedException(
                RejectionReason.INVALID_OVERLAY,
                path
                    + ": application '"
                    + application
                    + "' pins image.digest here but the value to write ("
                    + value
                    + ") has none; remove it here or add"
                    + " one to the source");
          } else {
            tags.put(application, value);
          }
        });
    try {
      return overlay.withTagsAndDigests(tags, digests);
    } catch (OverlayFormatException e) {
      throw invalid(path, e);
    }
  }

  private static RequestRejectedException invalid(String path, OverlayFormatException e) {
    return new RequestRejectedException(
        RejectionReason.INVALID_OVERLAY, path + ": " + e.getMessage(), e);
  }
}
