package io.gitops.promotion.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.gitops.promotion.config.EnvironmentCatalog;
import io.gitops.promotion.engine.PromotionChange;
import io.gitops.promotion.engine.PromotionParameters;
import io.gitops.promotion.engine.PromotionResult;
import io.gitops.promotion.engine.RequestValidator;
import io.gitops.promotion.git.GitCredentials;
import io.gitops.promotion.git.GitRemote;
import io.gitops.promotion.git.GitWorkspace;
import io.gitops.promotion.git.PushOutcome;
import io.gitops.promotion.layout.OverlaysLayout;
import io.gitops.promotion.testing.GitOpsRepository;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.jgit.lib.PersonIdent;
import org.eclipse.jgit.revwalk.RevCommit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A re-planned promotion replaces its review branch with one commit on the branch's new head, only
 * while the review branch is still at the commit the operator pushed there.
 */
class ReviewBranchUpdateIT {
  private static final String BRANCH = "promotion/stg/tbd-test/p1000000";
  private static final PersonIdent COMMITTER =
      new PersonIdent("promotion-operator", "po@example.com");

  @TempDir Path dir;
  private GitOpsRepository repo;
  private RunLoop loop;

  @BeforeEach
  void createRepository() {
    repo = GitOpsRepository.create(dir, "argocd.git", GitOpsRepository.EXAMPLE);
    loop =
        new RunLoop(COMMITTER, Clock.systemUTC(), PushRetry.DEFAULT, wait -> {}, RunListener.NONE);
  }

  private PromotionChange promotion() {
    return new PromotionChange(
        new RequestValidator(EnvironmentCatalog.defaults())
            .validate(
                new PromotionParameters(
                    "p-1", "tbd-test", "TST", "STG", null, false, false, null, "alice")),
        OverlaysLayout.defaults(),
        Clock.systemUTC(),
        null,
        null);
  }

  private PromotionResult run(GitWorkspace workspace, Delivery delivery) {
    return loop.runAll(List.of(promotion()), workspace, delivery, () -> {}).get(0).orThrow();
  }

  private GitWorkspace workspace() {
    return GitWorkspace.open(
        new GitRemote(repo.fileUrl(), "main", GitCredentials.none()), dir.resolve("cache"));
  }

  @Test
  void replacesTheOperatorsCommitWithOneCommitOnTheNewHead() {
    try (GitWorkspace workspace = workspace()) {
      String first = run(workspace, firstDelivery()).commit();
      String moved = repo.commitAsSomeoneElse("README.md", "moved on\n", "someone else");

      List<String> shown = new ArrayList<>();

      String second =
          run(
                  workspace,
                  new ReviewBranchUpdate(
                      BRANCH, first, (title, description) -> shown.add(title + "\n" + description)))
              .commit();

      assertThat(second).isNotEqualTo(first).isEqualTo(repo.branchHead(BRANCH));
      RevCommit replanned = repo.commit(second);
      assertThat(shown)
          .as("the request shows the new plan's title and description")
          .singleElement()
          .asString()
          .startsWith("Promote [TST] v1.2.0 -> [STG] v1.2.0\n")
          .contains("| frontend | tbd-test | `1.2.0` | `1.3.0` |");
      assertThat(replanned.getParents()).extracting(RevCommit::getName).containsExactly(moved);
      assertThat(replanned.getFullMessage()).contains("Promotion-Id: p-1");
      assertThat(repo.head()).as("main is not pushed to").isEqualTo(moved);
    }
  }

  @Test
  void aReviewBranchSomeoneElsePushedToIsNotOverwritten() {
    try (GitWorkspace workspace = workspace()) {
      String first = run(workspace, firstDelivery()).commit();
      String human = repo.commitOnBranch(BRANCH, "workloads/NOTES.md", "reviewed\n", "a note");

      assertThatThrownBy(() -> run(workspace, new ReviewBranchUpdate(BRANCH, first, NO_TEXT)))
          .isInstanceOf(ReviewBranchMovedException.class)
          .hasMessageContaining(BRANCH)
          .hasMessageContaining("not overwritten");
      assertThat(repo.branchHead(BRANCH)).isEqualTo(human);
    }
  }

  @Test
  void aRequestWhoseTextCannotBeSetKeepsItsBranchAndTheReplanCanBeRetried() {
    try (GitWorkspace workspace = workspace()) {
      String first = run(workspace, firstDelivery()).commit();
      repo.commitAsSomeoneElse("README.md", "moved on\n", "someone else");

      assertThatThrownBy(
              () ->
                  run(
                      workspace,
                      new ReviewBranchUpdate(
                          BRANCH,
                          first,
                          (title, description) -> {
                            throw new IllegalStateException("GitLab is down");
                          })))
          .hasMessageContaining("GitLab is down");
      assertThat(repo.branchHead(BRANCH)).as("nothing pushed").isEqualTo(first);

      String second = run(workspace, new ReviewBranchUpdate(BRANCH, first, NO_TEXT)).commit();
      assertThat(repo.branchHead(BRANCH)).isEqualTo(second).isNotEqualTo(first);
    }
  }

  private static final ReviewBranchUpdate.RequestText NO_TEXT = (title, description) -> {};

  /** Pushes the first commit to the review branch, as the merge request delivery does. */
  private static Delivery firstDelivery() {
    return new Delivery() {
      @Override
      public String kind() {
        return MergeRequestDelivery.KIND;
      }

      @Override
      public boolean deliver(
          GitWorkspace workspace, List<Change<?>> changes, List<Committed> committed) {
        return workspace.pushTipToNewBranch(BRANCH) == PushOutcome.PUSHED;
      }
    };
  }
}
