package io.gitops.promotion.promotion;

import io.gitops.promotion.state.TagSnapshot;
import io.gitops.promotion.yaml.OverlayApplication;
import io.gitops.promotion.yaml.OverlayFile;
import io.gitops.promotion.yaml.OverlayFormatException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Turns a request and the files of a checked-out repository into a {@link PromotionPlan}. Reads
 * only; applications are matched by name, never by position, and nothing is ever invented in the
 * target: what cannot be matched becomes a warning.
 */
public final class Planner {
  private final RepositoryLayout layout;

  public Planner(RepositoryLayout layout) {
    this.layout = layout;
  }

  public PromotionPlan plan(PromotionRequest request, Path repoRoot) {
    List<String> services = servicesWithSource(request, repoRoot);
    String leadService = leadService(request, services);
    List<TagChange> changes = new ArrayList<>();
    List<String> warnings = new ArrayList<>();
    List<FileEdit> edits = new ArrayList<>();
    TagSnapshot.Builder pre = TagSnapshot.builder();
    TagSnapshot.Builder post = TagSnapshot.builder();
    String version = null;
    String leadTargetTag = null;
    Map<String, Long> gitlabProjectIds = new LinkedHashMap<>();

    for (String service : services) {
      String sourcePath = layout.overlay(request.group(), service, request.source());
      String targetPath = layout.overlay(request.group(), service, request.target());
      OverlayFile source = parse(sourcePath, read(repoRoot, sourcePath).orElseThrow());
      Optional<String> targetText = read(repoRoot, targetPath);
      if (service.equals(leadService)) {
        version = firstTag(source);
      }
      if (targetText.isEmpty()) {
        warnings.add("service " + service + " has no " + request.target().name() + " overlay (" + targetPath + "); skipped");
        continue;
      }
      OverlayFile target = parse(targetPath, targetText.get());
      Map<String, String> newTags = new LinkedHashMap<>();
      for (OverlayApplication app : source.applications()) {
        if (app.gitlabProjectId() != null) {
          gitlabProjectIds.put(PromotionPlan.applicationKey(service, app.name()), app.gitlabProjectId());
        }
        Optional<OverlayApplication> match = target.application(app.name());
        if (match.isEmpty()) {
          warnings.add("application " + app.name() + " of service " + service + " is not in the "
              + request.target().name() + " overlay; skipped");
          continue;
        }
        if (app.tag() == null || match.get().tag() == null) {
          warnings.add("application " + app.name() + " of service " + service + " has no image.tag in the "
              + (app.tag() == null ? request.source() : request.target()).name() + " overlay; skipped");
          continue;
        }
        String current = match.get().tag();
        if (service.equals(leadService) && leadTargetTag == null) {
          leadTargetTag = current;
        }
        pre.put(service, app.name(), current);
        post.put(service, app.name(), app.tag());
        if (!current.equals(app.tag())) {
          changes.add(new TagChange(service, app.name(), current, app.tag()));
          newTags.put(app.name(), app.tag());
        }
      }
      if (!newTags.isEmpty()) {
        edits.add(new FileEdit(targetPath, targetText.get(), withTags(targetPath, target, newTags)));
      }
    }
    return new PromotionPlan(request, leadService, version, leadTargetTag, changes, warnings,
        pre.build(), post.build(), edits, gitlabProjectIds);
  }

  private List<String> servicesWithSource(PromotionRequest request, Path repoRoot) {
    List<String> services = layout.services(repoRoot, request.group()).stream()
        .filter(s -> Files.isRegularFile(repoRoot.resolve(layout.overlay(request.group(), s, request.source()))))
        .toList();
    if (services.isEmpty()) {
      throw new PromotionRejectedException(RejectionReason.GROUP_NOT_FOUND,
          "workload group '" + request.group() + "' has no service with a " + request.source().name()
              + " overlay under " + layout.workloadsDir() + "/" + request.group());
    }
    return services;
  }

  private static String leadService(PromotionRequest request, List<String> services) {
    if (request.versionService() != null && !services.contains(request.versionService())) {
      throw new PromotionRejectedException(RejectionReason.VERSION_SERVICE_NOT_FOUND,
          "version service '" + request.versionService() + "' is not a service of " + request.group()
              + " with a " + request.source().name() + " overlay; services: " + String.join(", ", services));
    }
    return LeadService.choose(request, services);
  }

  private static String firstTag(OverlayFile overlay) {
    return overlay.applications().stream().map(OverlayApplication::tag)
        .filter(t -> t != null).findFirst().orElse(null);
  }

  private static OverlayFile parse(String path, String text) {
    try {
      return OverlayFile.parse(text);
    } catch (OverlayFormatException e) {
      throw new PromotionRejectedException(RejectionReason.INVALID_OVERLAY, path + ": " + e.getMessage(), e);
    }
  }

  private static String withTags(String path, OverlayFile target, Map<String, String> newTags) {
    try {
      return target.withTags(newTags);
    } catch (OverlayFormatException e) {
      throw new PromotionRejectedException(RejectionReason.INVALID_OVERLAY, path + ": " + e.getMessage(), e);
    }
  }

  private static Optional<String> read(Path repoRoot, String relative) {
    Path file = repoRoot.resolve(relative);
    if (!Files.isRegularFile(file)) {
      return Optional.empty();
    }
    try {
      return Optional.of(Files.readString(file, StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
