package io.gitops.promotion.promotion;

import io.gitops.promotion.state.TagSnapshot;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;

/**
 * What a promotion will do, computed from the repository's files alone: the tag changes, the edited
 * overlays, the state before and after, and the release version. Applying it writes exactly
 * {@link #edits()}.
 *
 * @param version release version: the lead service's source tag, or null when it has none
 * @param leadTargetTag the lead service's current tag in the target, for the title
 */
public record PromotionPlan(
    PromotionRequest request,
    String leadService,
    String version,
    String leadTargetTag,
    List<TagChange> changes,
    List<String> warnings,
    TagSnapshot preState,
    TagSnapshot postState,
    List<FileEdit> edits) {

  public PromotionPlan {
    changes = List.copyOf(changes);
    warnings = List.copyOf(warnings);
    edits = List.copyOf(edits);
  }

  public boolean hasChanges() {
    return !changes.isEmpty();
  }

  /** The release tag of the version, {@code v1.5.0}; a version written {@code v1.5.0} is not prefixed twice. */
  public String releaseTag() {
    if (version == null) {
      return null;
    }
    return version.startsWith("v") ? version : "v" + version;
  }

  /**
   * A digest of what the plan changes, so an approval can tell whether the plan it approved is
   * still the plan on the repository's current head.
   */
  public String fingerprint() {
    StringBuilder text = new StringBuilder().append(version).append('\n');
    for (TagChange c : changes) {
      text.append(c.service()).append('\t').append(c.app()).append('\t')
          .append(c.from()).append('\t').append(c.to()).append('\n');
    }
    try {
      byte[] digest = MessageDigest.getInstance("SHA-256").digest(text.toString().getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(digest, 0, 16);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every JDK", e);
    }
  }
}
