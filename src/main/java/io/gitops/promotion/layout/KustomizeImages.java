package io.gitops.promotion.layout;

import io.gitops.promotion.engine.RejectionReason;
import io.gitops.promotion.engine.RequestRejectedException;
import io.gitops.promotion.yaml.KustomizationFile;
import io.gitops.promotion.yaml.KustomizationFile.Image;
import io.gitops.promotion.yaml.OverlayFormatException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A {@code kustomization.yaml} seen through {@link ValuesFile}: each {@code images[]} entry is an
 * application named by its {@code name}; its value is {@code newTag}, {@code digest} and, when
 * configured, {@code newName}, as one {@link ImageVersion}. A target entry without {@code newTag}
 * or {@code digest} gets it added after {@code name}; a target entry holding a key the source does
 * not (a digest the source lacks) is refused, since keeping it would leave the old image running.
 */
final class KustomizeImages implements ValuesFile {
  static final String KIND = "kustomize";

  private final String path;
  private final KustomizationFile file;
  private final boolean copyNewName;

  private KustomizeImages(String path, KustomizationFile file, boolean copyNewName) {
    this.path = path;
    this.file = file;
    this.copyNewName = copyNewName;
  }

  static KustomizeImages parse(String path, String text, boolean copyNewName) {
    try {
      return new KustomizeImages(path, KustomizationFile.parse(text), copyNewName);
    } catch (OverlayFormatException e) {
      throw invalid(path + ": " + e.getMessage(), e);
    }
  }

  @Override
  public List<String> warnings() {
    return file.warnings().stream().map(w -> path + ": " + w).toList();
  }

  @Override
  public List<PromotableApplication> applications() {
    return file.images().stream()
        .map(image -> new PromotableApplication(image.name(), value(image), null, true))
        .toList();
  }

  private String value(Image image) {
    ImageVersion version =
        new ImageVersion(copyNewName ? image.newName() : null, image.newTag(), image.digest());
    return version.tag() == null && version.digest() == null ? null : version.value();
  }

  @Override
  public String withValues(Map<String, String> newValues) {
    Map<String, Image> wanted = new LinkedHashMap<>();
    newValues.forEach((name, value) -> wanted.put(name, wanted(name, value)));
    try {
      return file.withImages(wanted);
    } catch (OverlayFormatException e) {
      throw invalid(path + ": " + e.getMessage(), e);
    }
  }

  @Override
  public List<String> additions(Map<String, String> newValues) {
    List<String> added = new ArrayList<>();
    newValues.forEach(
        (name, value) ->
            file.image(name)
                .ifPresent(
                    image -> {
                      ImageVersion version = ImageVersion.parse(value);
                      if (version.tag() != null && image.newTag() == null) {
                        added.add(
                            path + ": image '" + name + "' had no newTag; added after its name");
                      }
                      if (version.digest() != null && image.digest() == null) {
                        added.add(
                            path + ": image '" + name + "' had no digest; added after its name");
                      }
                    }));
    return added;
  }

  private Image wanted(String name, String value) {
    ImageVersion version = ImageVersion.parse(value);
    Image current = file.image(name).orElse(null);
    if (current != null && current.digest() != null && version.digest() == null
        || current != null && current.newTag() != null && version.tag() == null) {
      String key = version.digest() == null ? "digest" : "newTag";
      throw invalid(
          path
              + ": image '"
              + name
              + "' has a "
              + key
              + " here but the value to write ("
              + value
              + ") has none; a promotion copies newTag and digest together, so remove "
              + key
              + " here or add it to the source",
          null);
    }
    return new Image(name, copyNewName ? version.name() : null, version.tag(), version.digest());
  }

  private static RequestRejectedException invalid(String message, Exception cause) {
    return new RequestRejectedException(RejectionReason.INVALID_OVERLAY, message, cause);
  }
}
