package io.gitops.promotion.gitlab;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.gitops.promotion.testing.GitOpsRepository;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@link Gitlab4jMergeRequests} against the fake GitLab's merge request API over real HTTP, merging
 * with real Git.
 */
class MergeRequestsIT {
  private static final String BRANCH = "promotion/stg/tbd-test/abcd1234";

  @TempDir Path dir;
  private GitOpsRepository repo;
  private FakeGitLabServer gitlab;
  private Gitlab4jMergeRequests api;

  @BeforeEach
  void start() {
    repo = GitOpsRepository.create(dir, "argocd.git", GitOpsRepository.EXAMPLE);
    gitlab = FakeGitLabServer.start();
    gitlab.addProject(1234, "devops/argocd");
    gitlab.hostRepository("1234", repo.bareDir());
    api =
        new Gitlab4jMergeRequests(
            gitlab.url(), gitlab.token(), GitLabHarness.POLICY, d -> {}, RetryListener.none());
  }

  @AfterEach
  void stop() {
    api.close();
    gitlab.close();
  }

  private MergeRequestDraft draft(boolean squash, List<Long> reviewers) {
    return new MergeRequestDraft(
        BRANCH,
        "main",
        "Promote [TST] v1.5.0 -> [STG] v1.3.0",
        "| service |",
        List.of("promotion", "env::stg"),
        reviewers,
        List.of(),
        squash,
        true,
        false);
  }

  @Test
  void opensFindsAndFollowsARequestUntilItIsMergedWithAMergeCommit() {
    String branchCommit = repo.commitOnBranch(BRANCH, "workloads/x.txt", "x\n", "change x");
    long alice = gitlab.addUser("alice");
    gitlab.requireApprovals("1234", 1);
    List<Long> reviewers = api.userIds(List.of("alice"));
    assertThat(reviewers).containsExactly(alice);

    MergeRequestState opened = api.open("1234", draft(false, reviewers));
    assertThat(opened.iid()).isEqualTo(1);
    assertThat(opened.webUrl()).endsWith("/devops/argocd/-/merge_requests/1");
    assertThat(opened.state()).isEqualTo("opened");
    assertThat(opened.detailedMergeStatus()).isEqualTo("not_approved");
    assertThat(opened.sha()).isEqualTo(branchCommit);
    assertThat(opened.approvalsGiven()).isZero();
    assertThat(opened.approvalsRequired()).isEqualTo(1);
    assertThat(gitlab.mergeRequests("1234"))
        .singleElement()
        .satisfies(
            mr -> {
              assertThat(mr.labels()).containsExactly("promotion", "env::stg");
              assertThat(mr.reviewerIds()).containsExactly(alice);
            });
    assertThat(api.findBySourceBranch("1234", BRANCH))
        .hasValueSatisfying(mr -> assertThat(mr.iid()).isEqualTo(1));
    assertThat(api.findBySourceBranch("1234", "promotion/stg/other/0000")).isEmpty();

    gitlab.approve("1234", 1, "alice");
    assertThat(api.get("1234", 1).detailedMergeStatus()).isEqualTo("mergeable");
    assertThat(api.get("1234", 1).approvalsGiven()).isEqualTo(1);
    gitlab.merge("1234", 1);

    MergeRequestState merged = api.get("1234", 1);
    assertThat(merged.isMerged()).isTrue();
    assertThat(merged.landedCommit()).isEqualTo(merged.mergeCommitSha()).isEqualTo(repo.head());
    assertThat(repo.log().get(0).getParents()).extracting(c -> c.getName()).contains(branchCommit);
    assertThat(repo.read("workloads/x.txt")).isEqualTo("x\n");
    assertThat(repo.branchHead(BRANCH)).as("removeSourceBranch").isNull();
  }

  @Test
  void aSquashedRequestLandsAsOneCommitOnTopOfTheBranch() {
    String before = repo.head();
    repo.commitOnBranch(BRANCH, "workloads/x.txt", "x\n", "change x");
    api.open("1234", draft(true, List.of()));
    gitlab.merge("1234", 1);
    MergeRequestState merged = api.get("1234", 1);
    assertThat(merged.squashCommitSha()).isEqualTo(repo.head());
    assertThat(merged.landedCommit()).isEqualTo(repo.head());
    assertThat(repo.log().get(0).getParents()).extracting(c -> c.getName()).containsExactly(before);
  }

  @Test
  void aFastForwardNeedsARebaseOnceTheTargetMovedAndLandsTheBranchHeadOtherwise() {
    gitlab.mergeMethod("1234", "ff");
    String branchCommit = repo.commitOnBranch(BRANCH, "workloads/x.txt", "x\n", "change x");
    api.open("1234", draft(false, List.of()));
    gitlab.merge("1234", 1);
    assertThat(api.get("1234", 1).landedCommit()).isEqualTo(branchCommit).isEqualTo(repo.head());

    repo.commitOnBranch("promotion/prd/g/1", "workloads/y.txt", "y\n", "change y");
    repo.commitAsSomeoneElse("workloads/z.txt", "z\n", "someone else");
    MergeRequestState second =
        api.open(
            "1234",
            new MergeRequestDraft(
                "promotion/prd/g/1",
                "main",
                "t",
                "d",
                List.of(),
                List.of(),
                List.of(),
                false,
                false,
                false));
    assertThat(second.detailedMergeStatus()).isEqualTo("need_rebase");
  }

  @Test
  void aConflictIsReportedAndClosingWithANoteAndDeletingTheBranchWork() {
    repo.commitOnBranch(BRANCH, "workloads/x.txt", "mine\n", "change x");
    repo.commitAsSomeoneElse("workloads/x.txt", "theirs\n", "someone else");
    MergeRequestState opened = api.open("1234", draft(false, List.of()));
    assertThat(opened.detailedMergeStatus()).isEqualTo("conflict");
    assertThat(opened.hasConflicts()).isTrue();
    assertThat(opened.cannotMerge()).isTrue();
    assertThatThrownBy(() -> api.open("1234", draft(false, List.of())))
        .isInstanceOf(GitLabRejectedException.class)
        .hasMessageContaining("409");

    api.close("1234", 1, "superseded by !2");
    api.close("1234", 1, null);
    assertThat(api.get("1234", 1).isClosed()).isTrue();
    assertThat(gitlab.mergeRequests("1234").get(0).notes()).containsExactly("superseded by !2");
    api.deleteBranch("1234", BRANCH);
    api.deleteBranch("1234", BRANCH);
    assertThat(repo.branchHead(BRANCH)).isNull();
  }

  @Test
  void anUnknownUsernameIsRefused() {
    assertThatThrownBy(() -> api.userIds(List.of("nobody")))
        .isInstanceOf(GitLabRejectedException.class)
        .hasMessageContaining("nobody");
  }

  @Test
  void listsTheOpenRequestsIntoABranchNewestFirstWithTheirSourceBranches() {
    repo.commitOnBranch(BRANCH, "workloads/x.txt", "x\n", "change x");
    String other = "promotion/stg/tbd-test/ef567890";
    repo.commitOnBranch(other, "workloads/y.txt", "y\n", "change y");
    String closed = "promotion/stg/tbd-test/00000000";
    repo.commitOnBranch(closed, "workloads/z.txt", "z\n", "change z");
    long first = api.open("1234", draft(false, List.of())).iid();
    long second =
        api.open(
                "1234",
                new MergeRequestDraft(
                    other, "main", "other", "", List.of(), List.of(), List.of(), false, true,
                    false))
            .iid();
    long third =
        api.open(
                "1234",
                new MergeRequestDraft(
                    closed, "main", "closed", "", List.of(), List.of(), List.of(), false, true,
                    false))
            .iid();
    api.close("1234", third, "not this one");

    List<OpenMergeRequest> open = api.openInto("1234", "main");

    assertThat(open).extracting(OpenMergeRequest::sourceBranch).containsExactly(other, BRANCH);
    assertThat(open).extracting(mr -> mr.state().iid()).containsExactly(second, first);
    assertThat(open).allSatisfy(mr -> assertThat(mr.state().isOpen()).isTrue());
    assertThat(api.openInto("1234", "release")).isEmpty();
  }

  @Test
  void aDraftWithConflictsReportsTheDraftFirstAndHasConflictsBesides() {
    repo.commitOnBranch(BRANCH, "workloads/x.txt", "mine\n", "change x");
    repo.commitAsSomeoneElse("workloads/x.txt", "theirs\n", "someone else");
    MergeRequestState opened =
        api.open(
            "1234",
            new MergeRequestDraft(
                BRANCH, "main", "t", "d", List.of(), List.of(), List.of(), false, false, true));

    assertThat(opened.detailedMergeStatus()).isEqualTo("draft_status");
    assertThat(opened.hasConflicts()).isTrue();
    assertThat(opened.cannotMerge()).isTrue();
    api.close("1234", opened.iid(), null);
    assertThat(api.get("1234", opened.iid()).cannotMerge()).as("closed").isFalse();
  }

  @Test
  void aRequestWhoseBranchIsGoneIsBrokenNotAConflict() {
    repo.commitOnBranch(BRANCH, "workloads/x.txt", "x\n", "change x");
    MergeRequestState opened = api.open("1234", draft(false, List.of()));
    api.deleteBranch("1234", BRANCH);

    MergeRequestState seen = api.get("1234", opened.iid());
    assertThat(seen.detailedMergeStatus()).isEqualTo("broken_status");
    assertThat(seen.hasConflicts()).isFalse();
    assertThat(seen.cannotMerge()).isFalse();
  }

  @Test
  void updatesTitleAndDescriptionKeepingADraftADraftAndSendsNothingWhenUnchanged() {
    repo.commitOnBranch(BRANCH, "workloads/x.txt", "x\n", "change x");
    MergeRequestState opened =
        api.open(
            "1234",
            new MergeRequestDraft(
                BRANCH,
                "main",
                "old",
                "old text",
                List.of(),
                List.of(),
                List.of(),
                false,
                false,
                true));

    api.update("1234", opened.iid(), "new title", "new text");

    assertThat(gitlab.mergeRequests("1234"))
        .singleElement()
        .satisfies(
            mr -> {
              assertThat(mr.title()).isEqualTo("Draft: new title");
              assertThat(mr.description()).isEqualTo("new text");
            });
    assertThat(gitlab.requests("PUT", "/projects/1234/merge_requests/1")).hasSize(1);

    api.update("1234", opened.iid(), "new title", "new text");

    assertThat(gitlab.requests("PUT", "/projects/1234/merge_requests/1"))
        .as("already so: nothing sent")
        .hasSize(1);
    assertThat(api.get("1234", opened.iid()).state()).isEqualTo("opened");
  }
}
