package io.gitops.promotion.rollback;

import io.gitops.promotion.engine.RejectionReason;
import io.gitops.promotion.engine.RequestRejectedException;
import io.gitops.promotion.engine.UnifiedDiff;
import io.gitops.promotion.gate.GateClosedException;
import io.gitops.promotion.gate.GateDecision;
import io.gitops.promotion.gate.Gates;
import io.gitops.promotion.git.GitWorkspace;
import io.gitops.promotion.layout.Layout;
import io.gitops.promotion.layout.RepositoryFiles;
import io.gitops.promotion.run.Change;
import io.gitops.promotion.run.Planned;
import io.gitops.promotion.run.PlannedWrites;
import io.gitops.promotion.run.RunCounts;
import io.gitops.promotion.state.RollbackRecord;
import io.gitops.promotion.state.StateEntry;
import io.gitops.promotion.state.StateFile;
import io.gitops.promotion.state.StateFormatException;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * A rollback as the run loop lands it: the recorded promotion is read from the state file of the
 * commit it follows, the preconditions checked, and the restored overlays written with the state
 * file's record of the rollback in one commit marked with the {@code Rollback-Id} trailer. A
 * preview, or a plan with nothing to restore, writes nothing.
 */
public final class RollbackChange implements Change<RollbackResult> {
  private final RollbackRequest request;
  private final Layout layout;
  private final Clock clock;
  private final Instant mayHavePushedSince;
  private final Gates gates;
  private final String landedCommit;
  private final String origin;

  /**
   * @param mayHavePushedSince when an earlier attempt of this rollback may have pushed, or null
   *     when this is certainly the first attempt
   */
  public RollbackChange(
      RollbackRequest request, Layout layout, Clock clock, Instant mayHavePushedSince) {
    this(request, layout, clock, mayHavePushedSince, Gates.none());
  }

  /**
   * @param gates the freeze windows hold an execution into a frozen environment (never a preview or
   *     a forced one)
   */
  public RollbackChange(
      RollbackRequest request,
      Layout layout,
      Clock clock,
      Instant mayHavePushedSince,
      Gates gates) {
    this(request, layout, clock, mayHavePushedSince, gates, null, null);
  }

  private RollbackChange(
      RollbackRequest request,
      Layout layout,
      Clock clock,
      Instant mayHavePushedSince,
      Gates gates,
      String landedCommit,
      String origin) {
    this.request = request;
    this.layout = layout;
    this.clock = clock;
    this.mayHavePushedSince = mayHavePushedSince;
    this.gates = gates;
    this.landedCommit = landedCommit;
    this.origin = origin;
  }

  /** The same rollback, known to have landed as this commit through its merged merge request. */
  public RollbackChange landedAs(String commit) {
    return new RollbackChange(request, layout, clock, mayHavePushedSince, gates, commit, origin);
  }

  /**
   * The same rollback, its merge request naming where it came from.
   *
   * @param origin e.g. {@code PromotionRollback default/undo-stg}
   */
  public RollbackChange from(String origin) {
    return new RollbackChange(
        request, layout, clock, mayHavePushedSince, gates, landedCommit, origin);
  }

  @Override
  public Optional<String> landedAs() {
    return Optional.ofNullable(landedCommit);
  }

  public RollbackRequest request() {
    return request;
  }

  @Override
  public Trailer trailer() {
    return new Trailer(RollbackCommitMessage.ROLLBACK_ID, request.rollbackId());
  }

  @Override
  public Instant mayHavePushedSince() {
    return request.dryRun() ? null : mayHavePushedSince;
  }

  @Override
  public Planned<RollbackResult> plan(RepositoryFiles files) {
    if (!request.dryRun() && !request.force()) {
      GateDecision frozen = gates.windows().decide(request.target().name(), clock.instant());
      if (!frozen.open()) {
        throw new GateClosedException(frozen);
      }
    }
    StateFile state = stateFile(files.read(layout.stateFile()));
    StateEntry entry = recordedPromotion(state);
    RollbackPreconditions.check(request, entry.promotion(), clock.instant());
    RollbackPlan plan =
        new RollbackPlanner(layout).plan(request, entry, files::read, files::beforeLastChange);
    UnifiedDiff diff = UnifiedDiff.of(plan.edits());
    Map<String, String> contents = new LinkedHashMap<>();
    if (!request.dryRun() && plan.hasRestorations()) {
      plan.edits().forEach(edit -> contents.put(edit.path(), edit.after()));
      RollbackRecord record =
          new RollbackRecord(
              request.rollbackId(),
              plan.promotionId(),
              Instant.now(clock).truncatedTo(ChronoUnit.SECONDS),
              request.requestedBy(),
              request.reason());
      contents.put(
          layout.stateFile(),
          state.withEntry(request.target().name(), entry.withRollback(record)).render());
    }
    RollbackOutcome outcome = request.dryRun() ? RollbackOutcome.PREVIEWED : plan.executedOutcome();
    return new PlannedWrites<>(
        contents,
        RollbackCommitMessage.of(plan),
        (commit, counts) -> RollbackResult.of(plan, outcome, diff, commit, false, counts),
        null,
        () -> RollbackMergeRequestText.description(plan, origin));
  }

  /**
   * The result of an earlier attempt that pushed: its plan is computed again on the commit's
   * parent, exactly the files that attempt planned on.
   */
  @Override
  public RollbackResult resumed(String commit, GitWorkspace workspace, RunCounts counts) {
    String parent =
        workspace
            .parentOf(commit)
            .orElseThrow(
                () ->
                    new IllegalStateException(
                        "commit " + commit + " carries the rollback's trailer but has no parent"));
    RepositoryFiles files = workspace.filesAt(parent);
    StateEntry entry = recordedPromotion(stateFile(files.read(layout.stateFile())));
    RollbackPlan plan =
        new RollbackPlanner(layout).plan(request, entry, files::read, files::beforeLastChange);
    return RollbackResult.of(
        plan, plan.executedOutcome(), UnifiedDiff.of(plan.edits()), commit, true, counts);
  }

  private StateFile stateFile(Optional<String> text) {
    try {
      return StateFile.parse(text.orElse(""));
    } catch (StateFormatException e) {
      throw new RequestRejectedException(
          RejectionReason.INVALID_STATE_FILE, layout.stateFile() + ": " + e.getMessage(), e);
    }
  }

  private StateEntry recordedPromotion(StateFile state) {
    try {
      return state
          .entry(request.target().name(), request.group())
          .orElseThrow(
              () ->
                  new RequestRejectedException(
                      RejectionReason.NO_RECORDED_PROMOTION,
                      "no promotion of "
                          + request.group()
                          + " into "
                          + request.target().name()
                          + " is recorded in "
                          + layout.stateFile()
                          + "; nothing to roll back"));
    } catch (StateFormatException e) {
      throw new RequestRejectedException(
          RejectionReason.INVALID_STATE_FILE, layout.stateFile() + ": " + e.getMessage(), e);
    }
  }
}
