package io.gitops.promotion.engine;

import io.gitops.promotion.layout.ImageVersion;
import io.gitops.promotion.layout.Layout;
import io.gitops.promotion.layout.PromotableApplication;
import io.gitops.promotion.layout.RepositoryFiles;
import io.gitops.promotion.layout.ValuesFile;
import io.gitops.promotion.state.TagSnapshot;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Turns a request and the files of a commit of the repository into a {@link PromotionPlan}. Reads
 * only; applications are matched by name, never by position, and nothing is ever invented in the
 * target: what cannot be matched becomes a warning.
 */
public final class Planner {
  private final Layout layout;

  public Planner(Layout layout) {
    this.layout = layout;
  }

  public PromotionPlan plan(PromotionRequest request, RepositoryFiles files) {
    List<String> warnings = new ArrayList<>();
    Map<String, String> sourceTexts = servicesWithSource(request, files, warnings);
    String leadService = leadService(request, List.copyOf(sourceTexts.keySet()));
    List<TagChange> changes = new ArrayList<>();
    List<FileEdit> edits = new ArrayList<>();
    TagSnapshot.Builder pre = TagSnapshot.builder();
    TagSnapshot.Builder post = TagSnapshot.builder();
    String version = null;
    String leadTargetTag = null;
    Map<String, Long> gitlabProjectIds = new LinkedHashMap<>();

    for (ParsedValues.Service parsed : ParsedValues.of(layout, files, request, sourceTexts)) {
      String service = parsed.name();
      String sourcePath = parsed.sourcePath();
      String targetPath = parsed.targetPath();
      ValuesFile source = parsed.source();
      warnings.addAll(source.warnings());
      Optional<String> targetText = parsed.targetText();
      if (service.equals(leadService)) {
        version = firstTag(source);
      }
      if (targetText.isEmpty()) {
        warnings.add(
            "service "
                + service
                + " has no "
                + request.target().name()
                + " overlay ("
                + targetPath
                + "); skipped");
        continue;
      }
      ValuesFile target = parsed.target();
      warnings.addAll(target.warnings());
      Map<String, String> newTags = new LinkedHashMap<>();
      for (PromotableApplication app : source.applications()) {
        if (app.gitlabProjectId() != null) {
          gitlabProjectIds.put(
              PromotionPlan.applicationKey(service, app.name()), app.gitlabProjectId());
        }
        Optional<PromotableApplication> match = target.application(app.name());
        if (match.isEmpty()) {
          warnings.add(
              "application "
                  + app.name()
                  + " of service "
                  + service
                  + " is not in the "
                  + request.target().name()
                  + " overlay; skipped");
          continue;
        }
        boolean addable = match.get().tag() == null && match.get().valueMayBeAdded();
        if (app.tag() == null || match.get().tag() == null && !addable) {
          warnings.add(
              "application "
                  + app.name()
                  + " of service "
                  + service
                  + " has no image.tag in the "
                  + (app.tag() == null ? request.source() : request.target()).name()
                  + " overlay; skipped");
          continue;
        }
        String current = match.get().tag();
        requireValidTag(sourcePath, service, app.name(), app.tag());
        if (current != null) {
          requireValidTag(targetPath, service, app.name(), current);
        }
        if (service.equals(leadService) && leadTargetTag == null) {
          leadTargetTag = current;
        }
        if (current != null) {
          pre.put(service, app.name(), current);
        }
        post.put(service, app.name(), app.tag());
        if (!app.tag().equals(current)) {
          requireDigestWhereRequired(request, sourcePath, service, app);
          changes.add(new TagChange(service, app.name(), current, app.tag()));
          newTags.put(app.name(), app.tag());
        }
      }
      if (!newTags.isEmpty()) {
        warnings.addAll(target.additions(newTags));
        edits.add(new FileEdit(targetPath, targetText.get(), target.withValues(newTags)));
      }
    }
    return new PromotionPlan(
        request,
        leadService,
        version,
        leadTargetTag,
        changes,
        warnings,
        pre.build(),
        post.build(),
        edits,
        gitlabProjectIds);
  }

  /** The services with a source file, in order, with that file's text. */
  private Map<String, String> servicesWithSource(
      PromotionRequest request, RepositoryFiles files, List<String> warnings) {
    Map<String, String> services = new LinkedHashMap<>();
    for (String service : layout.services(files, request.group(), warnings)) {
      files
          .read(layout.valuesPath(request.group(), service, request.source()))
          .ifPresent(text -> services.put(service, text));
    }
    if (services.isEmpty()) {
      throw new RequestRejectedException(
          RejectionReason.GROUP_NOT_FOUND,
          "workload group '"
              + request.group()
              + "' has no service with a "
              + request.source().name()
              + " overlay under "
              + layout.groupLocation(request.group()));
    }
    return services;
  }

  private static String leadService(PromotionRequest request, List<String> services) {
    if (request.versionService() != null && !services.contains(request.versionService())) {
      throw new RequestRejectedException(
          RejectionReason.VERSION_SERVICE_NOT_FOUND,
          "version service '"
              + request.versionService()
              + "' is not a service of "
              + request.group()
              + " with a "
              + request.source().name()
              + " overlay; services: "
              + String.join(", ", services));
    }
    return LeadService.choose(request, services);
  }

  /**
   * A tag no registry would accept (spaces, '#', a mapping, 200,000 characters) is never copied.
   */
  private void requireValidTag(String path, String service, String app, String tag) {
    layout
        .valueProblem(tag)
        .ifPresent(
            problem -> {
              throw new RequestRejectedException(
                  RejectionReason.INVALID_OVERLAY,
                  path + ": application " + app + " of service " + service + ": " + problem);
            });
  }

  /**
   * An environment that runs only pinned images gets no application without a digest (unchanged
   * ones stay).
   */
  private void requireDigestWhereRequired(
      PromotionRequest request, String sourcePath, String service, PromotableApplication app) {
    boolean required =
        layout.requireDigest().stream()
            .anyMatch(env -> env.equalsIgnoreCase(request.target().name()));
    if (required && !ImageVersion.parse(app.tag()).pinned()) {
      throw new RequestRejectedException(
          RejectionReason.DIGEST_REQUIRED,
          request.target().name()
              + " requires images pinned to a digest, but application "
              + app.name()
              + " of service "
              + service
              + " has none in "
              + sourcePath
              + " ("
              + app.tag()
              + ")");
    }
  }

  /** The release version: the first source value's tag, without a digest pinning it. */
  private static String firstTag(ValuesFile values) {
    return values.applications().stream()
        .map(PromotableApplication::tag)
        .filter(t -> t != null)
        .findFirst()
        .map(
            t -> {
              ImageVersion version = ImageVersion.parse(t);
              return version.tag() != null ? version.tag() : version.pinned() ? null : t;
            })
        .orElse(null);
  }
}
