package io.gitops.promotion.promotion;

import io.gitops.promotion.git.GitWorkspace;
import io.gitops.promotion.state.PromotionRecord;
import io.gitops.promotion.state.StateEntry;
import io.gitops.promotion.state.StateFile;
import io.gitops.promotion.state.StateFormatException;
import io.gitops.promotion.yaml.OverlayFile;
import io.gitops.promotion.yaml.OverlayFormatException;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.eclipse.jgit.lib.PersonIdent;

/**
 * Runs a promotion on a Git workspace: sync, plan, and unless it is a dry run, apply the plan and the
 * state file in one commit and push it. A push rejected because the branch moved is re-planned on the
 * new head, a bounded number of times. A commit already pushed by an earlier attempt of the same
 * promotion is recognised by its {@code Promotion-Id} trailer and never pushed twice.
 */
public final class PromotionEngine {
  private final RepositoryLayout layout;
  private final Planner planner;
  private final PersonIdent committer;
  private final Clock clock;
  private final PromotionListener listener;
  private final int maxPushAttempts;

  public PromotionEngine(RepositoryLayout layout, PersonIdent committer, Clock clock,
      PromotionListener listener, int maxPushAttempts) {
    this.layout = layout;
    this.planner = new Planner(layout);
    this.committer = committer;
    this.clock = clock;
    this.listener = listener;
    this.maxPushAttempts = maxPushAttempts;
  }

  /**
   * @param options what an earlier run of the same promotion established: the approved plan's
   *     fingerprint, and since when a commit of this promotion may already be on the remote
   */
  public PromotionResult run(PromotionRequest request, GitWorkspace workspace, RunOptions options) {
    int rejections = 0;
    for (int attempt = 1; attempt <= maxPushAttempts; attempt++) {
      workspace.sync();
      Optional<PromotionResult> earlier = pushedEarlier(request, workspace, options);
      if (earlier.isPresent()) {
        return earlier.get();
      }
      PromotionPlan plan = planner.plan(request, workspace.workTree());
      if (options.approvedFingerprint() != null && !options.approvedFingerprint().equals(plan.fingerprint())) {
        throw new PromotionRejectedException(RejectionReason.PLAN_CHANGED,
            "the repository moved since the preview: the plan now differs from the approved one; nothing was pushed");
      }
      String diff = UnifiedDiff.of(plan.edits());
      if (request.dryRun()) {
        return new PromotionResult(PromotionOutcome.PREVIEWED, PromotionTitle.of(plan), plan, diff, null, false, rejections);
      }
      if (!plan.hasChanges()) {
        return new PromotionResult(PromotionOutcome.NOTHING_TO_PROMOTE, PromotionTitle.of(plan), plan, diff, null, false, rejections);
      }
      String commit = commit(plan, workspace);
      listener.beforePush(request, attempt);
      if (workspace.push()) {
        return new PromotionResult(PromotionOutcome.PROMOTED, PromotionTitle.of(plan), plan, diff, commit, false, rejections);
      }
      rejections++;
      listener.pushRejected(request, attempt);
    }
    throw new PushConflictException("the branch kept moving: " + maxPushAttempts
        + " pushes were rejected; the promotion will be re-planned on a later attempt");
  }

  private Optional<PromotionResult> pushedEarlier(PromotionRequest request, GitWorkspace workspace, RunOptions options) {
    if (options.mayHavePushedSince() == null || request.dryRun()) {
      return Optional.empty();
    }
    return workspace.findCommitWithTrailer(CommitMessage.PROMOTION_ID, request.promotionId(), options.mayHavePushedSince())
        .map(commit -> {
          PromotionPlan recorded = recordedPlan(request, workspace, commit);
          return new PromotionResult(PromotionOutcome.PROMOTED, PromotionTitle.of(recorded), recorded,
              workspace.diffOf(commit, layout.workloadsDir() + "/", layout.stateFile()), commit, true, 0);
        });
  }

  /** The plan an earlier attempt pushed, rebuilt from the state file as that commit wrote it. */
  private PromotionPlan recordedPlan(PromotionRequest request, GitWorkspace workspace, String commit) {
    StateEntry entry = StateFile.parse(workspace.readAt(commit, layout.stateFile()).orElse(""))
        .entry(request.target().name(), request.group())
        .orElseThrow(() -> new IllegalStateException("commit " + commit + " carries the promotion's trailer but no state entry"));
    List<TagChange> changes = new ArrayList<>();
    entry.postState().services().forEach((service, apps) -> apps.forEach((app, to) -> {
      String from = entry.preState().tag(service, app).orElse(null);
      if (!to.equals(from)) {
        changes.add(new TagChange(service, app, from, to));
      }
    }));
    List<String> services = List.copyOf(entry.preState().services().keySet());
    String lead = services.isEmpty() ? null : LeadService.choose(request, services);
    String leadTargetTag = lead == null ? null
        : entry.preState().services().get(lead).values().stream().findFirst().orElse(null);
    return new PromotionPlan(request, lead, entry.promotion().version(), leadTargetTag, changes, List.of(),
        entry.preState(), entry.postState(), List.of(), gitlabProjectIds(request, workspace, commit, services));
  }

  /**
   * The GitLab projects of the source overlays as that commit holds them, so that the GitLab steps of a
   * resumed promotion find the same projects as the first attempt did.
   */
  private Map<String, Long> gitlabProjectIds(PromotionRequest request, GitWorkspace workspace, String commit,
      List<String> services) {
    Map<String, Long> ids = new LinkedHashMap<>();
    for (String service : services) {
      String path = layout.overlay(request.group(), service, request.source());
      Optional<String> text = workspace.readAt(commit, path);
      if (text.isEmpty()) {
        continue;
      }
      try {
        OverlayFile.parse(text.get()).applications().stream().filter(app -> app.gitlabProjectId() != null)
            .forEach(app -> ids.put(PromotionPlan.applicationKey(service, app.name()), app.gitlabProjectId()));
      } catch (OverlayFormatException e) {
        throw new PromotionRejectedException(RejectionReason.INVALID_OVERLAY, path + " at " + commit + ": " + e.getMessage(), e);
      }
    }
    return ids;
  }

  private String commit(PromotionPlan plan, GitWorkspace workspace) {
    List<String> paths = new ArrayList<>();
    for (FileEdit edit : plan.edits()) {
      workspace.write(edit.path(), edit.after());
      paths.add(edit.path());
    }
    workspace.write(layout.stateFile(), stateFileWith(plan, workspace));
    paths.add(layout.stateFile());
    return workspace.commit(paths, CommitMessage.of(plan), new PersonIdent(committer, Instant.now(clock)));
  }

  private String stateFileWith(PromotionPlan plan, GitWorkspace workspace) {
    PromotionRequest r = plan.request();
    PromotionRecord record = new PromotionRecord(r.promotionId(), plan.version(), r.source().name(), r.target().name(),
        Instant.now(clock).truncatedTo(ChronoUnit.SECONDS), r.requestedBy(), plan.releaseTag(), r.force() ? r.reason() : null);
    StateEntry entry = new StateEntry(r.group(), record, plan.preState(), plan.postState(), List.of());
    try {
      return StateFile.parse(workspace.read(layout.stateFile()).orElse("")).withEntry(r.target().name(), entry).render();
    } catch (StateFormatException e) {
      throw new PromotionRejectedException(RejectionReason.INVALID_STATE_FILE, layout.stateFile() + ": " + e.getMessage(), e);
    }
  }

  /**
   * @param approvedFingerprint the fingerprint of the previewed plan an approval executes, or null
   * @param mayHavePushedSince when an earlier attempt of this promotion may have pushed, or null
   *     when this is certainly the first attempt
   */
  public record RunOptions(String approvedFingerprint, Instant mayHavePushedSince) {
    public static RunOptions firstAttempt() {
      return new RunOptions(null, null);
    }
  }
}
