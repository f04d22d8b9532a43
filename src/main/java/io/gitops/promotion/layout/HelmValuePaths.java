package io.gitops.promotion.layout;

import io.gitops.promotion.engine.RejectionReason;
import io.gitops.promotion.engine.RequestRejectedException;
import io.gitops.promotion.yaml.OverlayFormatException;
import io.gitops.promotion.yaml.ValuesPaths;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A Helm values file seen through {@link ValuesFile}: each configured YAML path is an application
 * named by the path. A value holding an image reference ({@code image: repo:1.5.0} or {@code
 * repo@sha256:...}) contributes its tag and digest, the repository staying the target's own; a
 * plain tag at a path ending in {@code tag} is pinned by a sibling {@code digest} when there is one
 * ({@code image.tag} + {@code image.digest}).
 */
final class HelmValuePaths implements ValuesFile {
  static final String KIND = "helmValues";

  private final String path;
  private final ValuesPaths file;
  private final List<String> paths;

  private HelmValuePaths(String path, ValuesPaths file, List<String> paths) {
    this.path = path;
    this.file = file;
    this.paths = paths;
  }

  static HelmValuePaths parse(String path, String text, List<String> paths) {
    List<String> read = new ArrayList<>(paths);
    paths.stream().map(HelmValuePaths::digestPath).flatMap(Optional::stream).forEach(read::add);
    try {
      return new HelmValuePaths(path, ValuesPaths.parse(text, read), paths);
    } catch (OverlayFormatException e) {
      throw invalid(path + ": " + e.getMessage());
    }
  }

  @Override
  public List<PromotableApplication> applications() {
    List<PromotableApplication> applications = new ArrayList<>();
    for (String key : paths) {
      if (file.has(key)) {
        applications.add(new PromotableApplication(key, value(key), null));
      }
    }
    return applications;
  }

  private String value(String key) {
    String raw = file.value(key).orElse(null);
    if (raw == null) {
      return null;
    }
    if (isReference(raw)) {
      ImageVersion reference = ImageVersion.parse(raw);
      return new ImageVersion(null, reference.tag(), reference.digest()).value();
    }
    Optional<String> digest = digestPath(key).flatMap(file::value);
    return digest.map(d -> raw + "@" + d).orElse(raw);
  }

  @Override
  public String withValues(Map<String, String> newValues) {
    Map<String, String> scalars = new LinkedHashMap<>();
    newValues.forEach((key, value) -> scalars.putAll(scalars(key, ImageVersion.parse(value))));
    try {
      return file.with(scalars);
    } catch (OverlayFormatException e) {
      throw invalid(path + ": " + e.getMessage());
    }
  }

  private Map<String, String> scalars(String key, ImageVersion version) {
    String raw = file.value(key).orElse(null);
    if (raw != null && isReference(raw)) {
      String repository = ImageVersion.parse(raw).name();
      return Map.of(key, new ImageVersion(repository, version.tag(), version.digest()).value());
    }
    if (version.tag() == null) {
      throw invalid(
          path
              + ": "
              + key
              + " holds a tag, but the value to write ("
              + version.value()
              + ") is a digest alone");
    }
    Map<String, String> scalars = new LinkedHashMap<>(Map.of(key, version.tag()));
    Optional<String> digestPath = digestPath(key);
    boolean targetPinned = digestPath.flatMap(file::value).isPresent();
    if (version.digest() != null && (digestPath.isEmpty() || !file.has(digestPath.get()))) {
      throw invalid(
          path
              + ": the value to write to "
              + key
              + " is pinned to a digest, but there is no "
              + digestPath.orElse(key + " digest")
              + " here to hold it; add it by hand");
    }
    if (version.digest() == null && targetPinned) {
      throw invalid(
          path
              + ": "
              + digestPath.get()
              + " pins a digest here but the value to write ("
              + version.value()
              + ") has none; remove it here or add one to the source");
    }
    digestPath
        .filter(d -> version.digest() != null)
        .ifPresent(d -> scalars.put(d, version.digest()));
    return scalars;
  }

  /** {@code image.tag} -> {@code image.digest}; empty for a path not ending in {@code tag}. */
  private static Optional<String> digestPath(String key) {
    return key.equals("tag") || key.endsWith(".tag")
        ? Optional.of(key.substring(0, key.length() - 3) + "digest")
        : Optional.empty();
  }

  private static boolean isReference(String raw) {
    return raw.indexOf(':') >= 0 || raw.indexOf('@') >= 0 || raw.indexOf('/') >= 0;
  }

  private static RequestRejectedException invalid(String message) {
    return new RequestRejectedException(RejectionReason.INVALID_OVERLAY, message);
  }
}
