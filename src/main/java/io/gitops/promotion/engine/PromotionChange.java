package io.gitops.promotion.engine;

import io.gitops.promotion.gate.GateClosedException;
import io.gitops.promotion.gate.GateDecision;
import io.gitops.promotion.gate.Gates;
import io.gitops.promotion.git.GitWorkspace;
import io.gitops.promotion.layout.Layout;
import io.gitops.promotion.layout.PromotableApplication;
import io.gitops.promotion.layout.RepositoryFiles;
import io.gitops.promotion.run.Change;
import io.gitops.promotion.run.Planned;
import io.gitops.promotion.run.PlannedWrites;
import io.gitops.promotion.run.RunCounts;
import io.gitops.promotion.state.PromotionRecord;
import io.gitops.promotion.state.StateEntry;
import io.gitops.promotion.state.StateFile;
import io.gitops.promotion.state.StateFormatException;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * A promotion as the run loop lands it: planned on a commit's files, checked against the approved
 * plan, and written as the edited overlays plus the state file's entry, in one commit marked with
 * the {@code Promotion-Id} trailer. A preview, or a plan with nothing to change, writes nothing.
 */
public final class PromotionChange implements Change<PromotionResult> {
  private final PromotionRequest request;
  private final Layout layout;
  private final Clock clock;
  private final String approvedFingerprint;
  private final Instant mayHavePushedSince;
  private final Gates gates;
  private final String landedCommit;
  private final String origin;
  private final Function<PromotionPlan, Optional<String>> changelog;

  /**
   * @param approvedFingerprint the fingerprint of the previewed plan an approval executes, or null
   * @param mayHavePushedSince when an earlier attempt of this promotion may have pushed, or null
   *     when this is certainly the first attempt
   */
  public PromotionChange(
      PromotionRequest request,
      Layout layout,
      Clock clock,
      String approvedFingerprint,
      Instant mayHavePushedSince) {
    this(request, layout, clock, approvedFingerprint, mayHavePushedSince, Gates.none());
  }

  /**
   * @param gates freeze windows and soak time that hold an execution (never a preview, never a
   *     forced one)
   */
  public PromotionChange(
      PromotionRequest request,
      Layout layout,
      Clock clock,
      String approvedFingerprint,
      Instant mayHavePushedSince,
      Gates gates) {
    this(
        request,
        layout,
        clock,
        gates,
        new PromotionEngine.RunOptions(approvedFingerprint, mayHavePushedSince),
        plan -> Optional.empty());
  }

  /**
   * @param options what an approval executes, since when it may have pushed, where its merge
   *     request landed
   */
  public static PromotionChange of(
      PromotionRequest request,
      Layout layout,
      Clock clock,
      Gates gates,
      PromotionEngine.RunOptions options) {
    return new PromotionChange(request, layout, clock, gates, options, plan -> Optional.empty());
  }

  private PromotionChange(
      PromotionRequest request,
      Layout layout,
      Clock clock,
      Gates gates,
      PromotionEngine.RunOptions options,
      Function<PromotionPlan, Optional<String>> changelog) {
    this.changelog = changelog;
    this.request = request;
    this.layout = layout;
    this.clock = clock;
    this.approvedFingerprint = options.approvedFingerprint();
    this.mayHavePushedSince = options.mayHavePushedSince();
    this.landedCommit = options.landedCommit();
    this.origin = options.origin();
    this.gates = gates;
  }

  /**
   * The same change, whose merge request description carries the changelog the release will: read
   * only when the plan writes a commit.
   */
  public PromotionChange withChangelog(Function<PromotionPlan, Optional<String>> changelog) {
    return new PromotionChange(
        request,
        layout,
        clock,
        gates,
        new PromotionEngine.RunOptions(
            approvedFingerprint, mayHavePushedSince, landedCommit, origin),
        changelog);
  }

  public PromotionRequest request() {
    return request;
  }

  @Override
  public Trailer trailer() {
    return new Trailer(PromotionCommitMessage.PROMOTION_ID, request.promotionId());
  }

  @Override
  public java.util.Optional<String> landedAs() {
    return java.util.Optional.ofNullable(landedCommit);
  }

  @Override
  public Instant mayHavePushedSince() {
    return request.dryRun() ? null : mayHavePushedSince;
  }

  @Override
  public Planned<PromotionResult> plan(RepositoryFiles files) {
    boolean gated = !request.dryRun() && !request.force();
    if (gated) {
      requireOpen(gates.windows().decide(request.target().name(), clock.instant()));
    }
    PromotionPlan plan = new Planner(layout).plan(request, files);
    if (approvedFingerprint != null && !approvedFingerprint.equals(plan.fingerprint())) {
      throw new RequestRejectedException(
          RejectionReason.PLAN_CHANGED,
          "the repository moved since the preview: the plan now differs from the approved one; nothing was pushed");
    }
    if (gated && plan.hasChanges() && gates.soak().forSource(request.source().name()).isPresent()) {
      requireOpen(soaked(plan, files));
    }
    UnifiedDiff diff = UnifiedDiff.of(plan.edits());
    boolean writes = !request.dryRun() && plan.hasChanges();
    Map<String, String> contents = new LinkedHashMap<>();
    if (writes) {
      plan.edits().forEach(edit -> contents.put(edit.path(), edit.after()));
      contents.put(layout.stateFile(), stateFileWith(plan, files));
    }
    PromotionOutcome outcome =
        request.dryRun()
            ? PromotionOutcome.PREVIEWED
            : plan.hasChanges() ? PromotionOutcome.PROMOTED : PromotionOutcome.NOTHING_TO_PROMOTE;
    String changelogText = writes ? changelog.apply(plan).orElse(null) : null;
    return new PlannedWrites<>(
        contents,
        PromotionCommitMessage.of(plan),
        (commit, counts) ->
            new PromotionResult(
                outcome,
                PromotionTitle.of(plan),
                plan,
                diff,
                commit,
                false,
                counts.pushRejections(),
                counts),
        PromotionTitle.of(plan),
        () -> MergeRequestText.description(plan, origin, changelogText));
  }

  @Override
  public PromotionResult resumed(String commit, GitWorkspace workspace, RunCounts counts) {
    PromotionPlan recorded = recordedPlan(workspace, commit);
    if (landedCommit != null) {
      recorded = withLandedWarnings(recorded, workspace.filesAt(commit));
    }
    return new PromotionResult(
        PromotionOutcome.PROMOTED,
        PromotionTitle.of(recorded),
        recorded,
        UnifiedDiff.ofText(workspace.diffOf(commit, layout.root() + "/", layout.stateFile())),
        commit,
        true,
        0,
        counts);
  }

  /**
   * The recorded plan with a warning for every application whose target tag, as the merged commit
   * holds it, is not the one planned: someone changed the merge request before merging it.
   */
  private PromotionPlan withLandedWarnings(PromotionPlan recorded, RepositoryFiles files) {
    List<String> warnings = new ArrayList<>(recorded.warnings());
    recorded
        .postState()
        .services()
        .forEach(
            (service, apps) -> {
              String path = layout.valuesPath(request.group(), service, request.target());
              String text = files.read(path).orElse(null);
              apps.forEach(
                  (app, planned) -> {
                    String landed =
                        text == null
                            ? null
                            : layout
                                .parse(path, text)
                                .application(app)
                                .map(PromotableApplication::tag)
                                .orElse(null);
                    if (!planned.equals(landed)) {
                      warnings.add(
                          service
                              + "/"
                              + app
                              + ": the merged commit holds tag "
                              + landed
                              + ", not the planned "
                              + planned
                              + " (the merge request was changed before it was merged)");
                    }
                  });
            });
    return new PromotionPlan(
        recorded.request(),
        recorded.leadService(),
        recorded.version(),
        recorded.leadTargetTag(),
        recorded.changes(),
        warnings,
        recorded.preState(),
        recorded.postState(),
        recorded.edits(),
        recorded.gitlabProjectIds());
  }

  private static void requireOpen(GateDecision decision) {
    if (!decision.open()) {
      throw new GateClosedException(decision);
    }
  }

  /** Whether every changed application's source tag has been in the source overlay long enough. */
  private GateDecision soaked(PromotionPlan plan, RepositoryFiles files) {
    String youngest = null;
    Instant arrived = null;
    for (TagChange change : plan.changes()) {
      String path = layout.valuesPath(request.group(), change.service(), request.source());
      Instant since = files.since(path, text -> holds(path, text, change)).orElse(clock.instant());
      if (arrived == null || since.isAfter(arrived)) {
        youngest = change.service() + "/" + change.app();
        arrived = since;
      }
    }
    return gates.soak().decide(request.source().name(), youngest, arrived, clock.instant());
  }

  private boolean holds(String path, String text, TagChange change) {
    try {
      return layout
          .parse(path, text)
          .application(change.app())
          .map(PromotableApplication::tag)
          .filter(change.to()::equals)
          .isPresent();
    } catch (RequestRejectedException e) {
      return false;
    }
  }

  /** The plan an earlier attempt pushed, rebuilt from the state file as that commit wrote it. */
  private PromotionPlan recordedPlan(GitWorkspace workspace, String commit) {
    StateEntry entry =
        StateFile.parse(workspace.readAt(commit, layout.stateFile()).orElse(""))
            .entry(request.target().name(), request.group())
            .orElseThrow(
                () ->
                    new IllegalStateException(
                        "commit "
                            + commit
                            + " carries the promotion's trailer but no state entry"));
    List<TagChange> changes = new ArrayList<>();
    entry
        .postState()
        .services()
        .forEach(
            (service, apps) ->
                apps.forEach(
                    (app, to) -> {
                      String from = entry.preState().tag(service, app).orElse(null);
                      if (!to.equals(from)) {
                        changes.add(new TagChange(service, app, from, to));
                      }
                    }));
    List<String> services = List.copyOf(entry.preState().services().keySet());
    String lead = services.isEmpty() ? null : LeadService.choose(request, services);
    String leadTargetTag =
        lead == null
            ? null
            : entry.preState().services().get(lead).values().stream().findFirst().orElse(null);
    return new PromotionPlan(
        request,
        lead,
        entry.promotion().version(),
        leadTargetTag,
        changes,
        List.of(),
        entry.preState(),
        entry.postState(),
        List.of(),
        gitlabProjectIds(workspace, commit, services));
  }

  /**
   * The GitLab projects of the source overlays as that commit holds them, so that the GitLab steps
   * of a resumed promotion find the same projects as the first attempt did.
   */
  private Map<String, Long> gitlabProjectIds(
      GitWorkspace workspace, String commit, List<String> services) {
    Map<String, Long> ids = new LinkedHashMap<>();
    RepositoryFiles files = workspace.filesAt(commit);
    for (String service : services) {
      String path = layout.valuesPath(request.group(), service, request.source());
      files
          .read(path)
          .ifPresent(
              text ->
                  layout.parse(path, text).applications().stream()
                      .filter(app -> app.gitlabProjectId() != null)
                      .forEach(
                          app ->
                              ids.put(
                                  PromotionPlan.applicationKey(service, app.name()),
                                  app.gitlabProjectId())));
    }
    return ids;
  }

  private String stateFileWith(PromotionPlan plan, RepositoryFiles files) {
    PromotionRecord record =
        new PromotionRecord(
            request.promotionId(),
            plan.version(),
            request.source().name(),
            request.target().name(),
            Instant.now(clock).truncatedTo(ChronoUnit.SECONDS),
            request.requestedBy(),
            plan.releaseTag(),
            request.force() ? request.reason() : null);
    StateEntry entry =
        new StateEntry(request.group(), record, plan.preState(), plan.postState(), List.of());
    try {
      return StateFile.parse(files.read(layout.stateFile()).orElse(""))
          .withEntry(request.target().name(), entry)
          .render();
    } catch (StateFormatException e) {
      throw new RequestRejectedException(
          RejectionReason.INVALID_STATE_FILE, layout.stateFile() + ": " + e.getMessage(), e);
    }
  }
}
