package io.gitops.promotion.rollback;

import io.gitops.promotion.git.GitWorkspace;
import io.gitops.promotion.promotion.FileEdit;
import io.gitops.promotion.promotion.PromotionRejectedException;
import io.gitops.promotion.promotion.PushConflictException;
import io.gitops.promotion.promotion.RejectionReason;
import io.gitops.promotion.promotion.RepositoryLayout;
import io.gitops.promotion.promotion.UnifiedDiff;
import io.gitops.promotion.state.RollbackRecord;
import io.gitops.promotion.state.StateEntry;
import io.gitops.promotion.state.StateFile;
import io.gitops.promotion.state.StateFormatException;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.eclipse.jgit.lib.PersonIdent;

/**
 * Runs a rollback on a Git workspace: sync, read the recorded promotion from the state file, plan,
 * and unless it is a dry run or there is nothing to restore, write the restored overlays and the
 * state file's record of the rollback in one commit and push it. A push rejected because the branch
 * moved is re-planned on the new head, a bounded number of times. A commit already pushed by an
 * earlier attempt of the same rollback is recognised by its {@code Rollback-Id} trailer and reported,
 * never pushed twice.
 */
public final class RollbackEngine {
  private final RepositoryLayout layout;
  private final RollbackPlanner planner;
  private final PersonIdent committer;
  private final Clock clock;
  private final RollbackListener listener;
  private final int maxPushAttempts;

  public RollbackEngine(RepositoryLayout layout, PersonIdent committer, Clock clock,
      RollbackListener listener, int maxPushAttempts) {
    this.layout = layout;
    this.planner = new RollbackPlanner(layout);
    this.committer = committer;
    this.clock = clock;
    this.listener = listener;
    this.maxPushAttempts = maxPushAttempts;
  }

  /**
   * @param mayHavePushedSince when an earlier attempt of this rollback may have pushed, or null when
   *     this is certainly the first attempt
   * @throws PromotionRejectedException when the request cannot succeed as given; nothing was written
   * @throws PushConflictException when every push was rejected because the branch kept moving
   */
  public RollbackResult run(RollbackRequest request, GitWorkspace workspace, Instant mayHavePushedSince) {
    int rejections = 0;
    for (int attempt = 1; attempt <= maxPushAttempts; attempt++) {
      workspace.sync();
      Optional<RollbackResult> earlier = pushedEarlier(request, workspace, mayHavePushedSince);
      if (earlier.isPresent()) {
        return earlier.get();
      }
      StateFile state = stateFile(workspace.read(layout.stateFile()));
      StateEntry entry = recordedPromotion(request, state);
      RollbackPreconditions.check(request, entry.promotion(), clock.instant());
      RollbackPlan plan = planner.plan(request, entry, workspace::read);
      String diff = UnifiedDiff.of(plan.edits());
      if (request.dryRun()) {
        return RollbackResult.of(plan, RollbackOutcome.PREVIEWED, diff, null, false, rejections);
      }
      if (!plan.hasRestorations()) {
        return RollbackResult.of(plan, plan.executedOutcome(), diff, null, false, rejections);
      }
      String commit = commit(plan, state, entry, workspace);
      listener.beforePush(request, attempt);
      if (workspace.push()) {
        return RollbackResult.of(plan, plan.executedOutcome(), diff, commit, false, rejections);
      }
      rejections++;
      listener.pushRejected(request, attempt);
    }
    throw new PushConflictException("the branch kept moving: " + maxPushAttempts
        + " pushes were rejected; the rollback will be re-planned on a later attempt");
  }

  /**
   * The result of an earlier attempt that pushed: its plan is computed again on the commit's parent,
   * exactly the files that attempt planned on.
   */
  private Optional<RollbackResult> pushedEarlier(RollbackRequest request, GitWorkspace workspace, Instant since) {
    if (since == null || request.dryRun()) {
      return Optional.empty();
    }
    return workspace.findCommitWithTrailer(RollbackCommitMessage.ROLLBACK_ID, request.rollbackId(), since)
        .map(commit -> {
          String parent = workspace.parentOf(commit).orElseThrow(() -> new IllegalStateException(
              "commit " + commit + " carries the rollback's trailer but has no parent"));
          StateEntry entry = recordedPromotion(request, stateFile(workspace.readAt(parent, layout.stateFile())));
          RollbackPlan plan = planner.plan(request, entry, path -> workspace.readAt(parent, path));
          return RollbackResult.of(plan, plan.executedOutcome(), UnifiedDiff.of(plan.edits()), commit, true, 0);
        });
  }

  private StateFile stateFile(Optional<String> text) {
    try {
      return StateFile.parse(text.orElse(""));
    } catch (StateFormatException e) {
      throw new PromotionRejectedException(RejectionReason.INVALID_STATE_FILE, layout.stateFile() + ": " + e.getMessage(), e);
    }
  }

  private StateEntry recordedPromotion(RollbackRequest request, StateFile state) {
    try {
      return state.entry(request.target().name(), request.group()).orElseThrow(() -> new PromotionRejectedException(
          RejectionReason.NO_RECORDED_PROMOTION, "no promotion of " + request.group() + " into "
              + request.target().name() + " is recorded in " + layout.stateFile() + "; nothing to roll back"));
    } catch (StateFormatException e) {
      throw new PromotionRejectedException(RejectionReason.INVALID_STATE_FILE, layout.stateFile() + ": " + e.getMessage(), e);
    }
  }

  private String commit(RollbackPlan plan, StateFile state, StateEntry entry, GitWorkspace workspace) {
    RollbackRequest r = plan.request();
    List<String> paths = new ArrayList<>();
    for (FileEdit edit : plan.edits()) {
      workspace.write(edit.path(), edit.after());
      paths.add(edit.path());
    }
    RollbackRecord record = new RollbackRecord(r.rollbackId(), plan.promotionId(),
        Instant.now(clock).truncatedTo(ChronoUnit.SECONDS), r.requestedBy(), r.reason());
    workspace.write(layout.stateFile(), state.withEntry(r.target().name(), entry.withRollback(record)).render());
    paths.add(layout.stateFile());
    return workspace.commit(paths, RollbackCommitMessage.of(plan), new PersonIdent(committer, Instant.now(clock)));
  }
}
