package io.gitops.promotion.layout;

import io.gitops.promotion.engine.RejectionReason;
import io.gitops.promotion.engine.RequestRejectedException;
import io.gitops.promotion.yaml.ApplicationManifest;
import io.gitops.promotion.yaml.OverlayFormatException;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * An Argo CD Application manifest file seen through {@link ValuesFile}: each source is an
 * application named by its {@code chart} (or {@code repoURL}), and its {@code targetRevision} is
 * the value promoted, e.g. the chart version. Chart sources come first, so that the release version
 * is a chart version rather than the branch a values source follows.
 */
final class ApplicationSources implements ValuesFile {
  static final String KIND = "argocdApplication";

  private final String path;
  private final ApplicationManifest manifest;

  private ApplicationSources(String path, ApplicationManifest manifest) {
    this.path = path;
    this.manifest = manifest;
  }

  static ApplicationSources parse(String path, String text) {
    try {
      return new ApplicationSources(path, ApplicationManifest.parse(text));
    } catch (OverlayFormatException e) {
      throw new RequestRejectedException(
          RejectionReason.INVALID_OVERLAY, path + ": " + e.getMessage(), e);
    }
  }

  @Override
  public List<PromotableApplication> applications() {
    return manifest.sources().stream()
        .sorted(Comparator.comparing((ApplicationManifest.Source source) -> !source.chart()))
        .map(source -> new PromotableApplication(source.name(), source.targetRevision(), null))
        .toList();
  }

  @Override
  public String withValues(Map<String, String> newValues) {
    try {
      return manifest.withRevisions(newValues);
    } catch (OverlayFormatException e) {
      throw new RequestRejectedException(
          RejectionReason.INVALID_OVERLAY, path + ": " + e.getMessage(), e);
    }
  }
}
