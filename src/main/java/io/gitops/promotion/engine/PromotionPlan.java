package io.gitops.promotion.engine;

import io.gitops.promotion.state.TagSnapshot;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What a promotion will do, computed from the repository's files alone: the tag changes, the edited
 * overlays, the state before and after, and the release version. Applying it writes exactly {@link
 * #edits()}.
 *
 * @param version release version: the lead service's source tag, or null when it has none
 * @param leadTargetTag the lead service's current tag in the target, for the title
 * @param gitlabProjectIds the {@code gitlabProjectId} of each application of the source overlays
 *     that has one, keyed by {@link #applicationKey(String, String) service/app}: where the
 *     changelog and the source deployments of a changed application are found in GitLab
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
    List<FileEdit> edits,
    Map<String, Long> gitlabProjectIds) {

  public PromotionPlan {
    changes = List.copyOf(changes);
    warnings = List.copyOf(warnings);
    edits = List.copyOf(edits);
    gitlabProjectIds = Map.copyOf(gitlabProjectIds);
  }

  /** A plan that knows no GitLab project of any application. */
  public PromotionPlan(
      PromotionRequest request,
      String leadService,
      String version,
      String leadTargetTag,
      List<TagChange> changes,
      List<String> warnings,
      TagSnapshot preState,
      TagSnapshot postState,
      List<FileEdit> edits) {
    this(
        request,
        leadService,
        version,
        leadTargetTag,
        changes,
        warnings,
        preState,
        postState,
        edits,
        Map.of());
  }

  /** The key of {@link #gitlabProjectIds()}: {@code backend/tbd-test-backend}. */
  public static String applicationKey(String service, String app) {
    return service + "/" + app;
  }

  /** The GitLab project of a changed application's source overlay, if it names one. */
  public Optional<Long> gitlabProjectId(TagChange change) {
    return Optional.ofNullable(
        gitlabProjectIds.get(applicationKey(change.service(), change.app())));
  }

  public boolean hasChanges() {
    return !changes.isEmpty();
  }

  /**
   * The release tag of the version, {@code v1.5.0}; a version written {@code v1.5.0} is not
   * prefixed twice.
   */
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
      text.append(c.service())
          .append('\t')
          .append(c.app())
          .append('\t')
          .append(c.from())
          .append('\t')
          .append(c.to())
          .append('\n');
    }
    try {
      byte[] digest =
          MessageDigest.getInstance("SHA-256")
              .digest(text.toString().getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(digest, 0, 16);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every JDK", e);
    }
  }
}
