package io.gitops.promotion.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.gitops.promotion.config.ConnectionTimeouts;
import io.gitops.promotion.gitlab.FakeGitLabServer;
import io.gitops.promotion.gitlab.FakeMergeRequest;
import io.gitops.promotion.gitlab.Gitlab4jMergeRequests;
import io.gitops.promotion.gitlab.MergeRequestDraft;
import io.gitops.promotion.testing.GitOpsRepository;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.lib.Ref;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code promote --merge-request}: the fake GitLab hosts the GitOps repository as project 4242 and
 * merges or closes its requests with real Git.
 */
class PromoteCommandMergeRequestIT {
  private static final String PROJECT = "4242";

  @TempDir Path dir;
  private GitOpsRepository repo;
  private FakeGitLabServer gitlab;

  @BeforeEach
  void start() {
    repo = GitOpsRepository.create(dir, "argocd.git", GitOpsRepository.EXAMPLE);
    gitlab = FakeGitLabServer.start();
    gitlab.addProject(4242, "devops/argocd");
    gitlab.hostRepository(PROJECT, repo.bareDir());
    gitlab.addProject(1331, "tbd/frontend");
    gitlab.addProject(1332, "tbd/backend");
    gitlab.addCommits("1331", "v1.3.0", "v1.5.0", "feat: add user dashboard");
    gitlab.addCommits("1332", "v1.2.0", "v1.4.0", "fix: resolve login timeout");
  }

  @AfterEach
  void stop() {
    gitlab.close();
  }

  private CliRun promote(Map<String, String> env, String... extra) {
    List<String> args =
        new ArrayList<>(
            List.of(
                "promote",
                "--repo",
                repo.fileUrl(),
                "--group",
                "tbd-test",
                "--from",
                "DEV",
                "--to",
                "TST",
                "--version-service",
                "frontend",
                "--dry-run=false"));
    args.addAll(List.of(extra));
    return CliRun.of(env, args.toArray(String[]::new));
  }

  private CliRun promoteThroughRequest(String... extra) {
    List<String> args =
        new ArrayList<>(
            List.of(
                "--gitlab-url",
                gitlab.url(),
                "--gitlab-project",
                PROJECT,
                "--merge-request",
                "--mr-poll-interval",
                "PT0.05S"));
    args.addAll(List.of(extra));
    return promote(Map.of("GITLAB_TOKEN", gitlab.token()), args.toArray(String[]::new));
  }

  /** Does something to the request once the command opened it, on another thread. */
  private CompletableFuture<Void> onceOpened(Consumer<FakeMergeRequest> action) {
    return CompletableFuture.runAsync(
        () -> {
          await()
              .atMost(Duration.ofSeconds(30))
              .until(() -> !gitlab.mergeRequests(PROJECT).isEmpty());
          action.accept(gitlab.mergeRequests(PROJECT).get(0));
        });
  }

  private List<String> branches() throws Exception {
    try (Git git = Git.open(repo.bareDir().toFile())) {
      return git.branchList().call().stream().map(Ref::getName).toList();
    }
  }

  @Test
  void opensARequestFromABranchOfItsOwnAndPrintsItsUrl() throws Exception {
    String before = repo.head();
    long alice = gitlab.addUser("alice");
    long carol = gitlab.addUser("carol");

    CliRun run =
        promoteThroughRequest(
            "--mr-label",
            "promotion",
            "--mr-label",
            "tst",
            "--mr-reviewer",
            "alice",
            "--mr-assignee",
            "carol",
            "--mr-squash",
            "--mr-remove-source-branch=false",
            "--mr-draft",
            "--output",
            "json");

    assertThat(run.code()).as(run.err()).isZero();
    JsonNode json = new ObjectMapper().readTree(run.out());
    JsonNode mr = json.get("mergeRequest");
    String branch = mr.get("sourceBranch").asText();
    assertThat(branch).matches("promotion/tst/tbd-test/[0-9a-f]{8}");
    assertThat(mr.get("iid").asLong()).isEqualTo(1);
    assertThat(mr.get("url").asText())
        .isEqualTo(gitlab.url() + "/devops/argocd/-/merge_requests/1");
    assertThat(mr.get("state").asText()).isEqualTo("opened");
    assertThat(json.get("result").asText()).isEqualTo("AwaitingMerge");
    assertThat(repo.head()).as("nothing pushed to main").isEqualTo(before);
    assertThat(repo.branchHead(branch)).isEqualTo(json.get("commit").asText());
    assertThat(json.get("gitlab").get("skipped").asBoolean()).isTrue();
    FakeMergeRequest opened = gitlab.mergeRequests(PROJECT).get(0);
    assertThat(opened.title()).startsWith("Draft: Promote [DEV] v1.5.0 -> [TST]");
    assertThat(opened.description())
        .as("DEV is a release source: the release's changelog")
        .contains(
            "# Changelog",
            "## tbd-test (1.3.0 → 1.5.0)",
            "add user dashboard",
            "resolve login timeout");
    assertThat(opened.removeSourceBranch()).isFalse();
    assertThat(opened.labels()).containsExactly("promotion", "tst");
    assertThat(opened.reviewerIds()).containsExactly(alice);
    assertThat(opened.assigneeIds()).containsExactly(carol);
    assertThat(opened.squash()).isTrue();
    assertThat(gitlab.tags(PROJECT)).isEmpty();
    assertThat(gitlab.deployments(PROJECT)).isEmpty();
  }

  @Test
  void printsTheRequestsUrlAsText() {
    CliRun run = promoteThroughRequest();

    assertThat(run.code()).as(run.err()).isZero();
    assertThat(run.out())
        .containsPattern(
            "Merge request: !1 "
                + gitlab.url()
                + "/devops/argocd/-/merge_requests/1 \\(opened\\) from branch"
                + " promotion/tst/tbd-test/[0-9a-f]{8}\n")
        .contains("GitLab: release and deployments run on a merged request only (--wait)");
  }

  @Test
  void waitsForTheMergeThenReleasesAndDeploysTheMergedCommit() throws Exception {
    CompletableFuture<Void> merger = onceOpened(mr -> gitlab.merge(PROJECT, mr.iid()));

    CliRun run = promoteThroughRequest("--wait", "--output", "json");

    merger.join();
    assertThat(run.code()).as(run.err()).isZero();
    String merged = gitlab.mergeRequests(PROJECT).get(0).mergeCommitSha();
    assertThat(merged).isNotNull().isEqualTo(repo.head());
    JsonNode json = new ObjectMapper().readTree(run.out());
    assertThat(json.get("result").asText()).isEqualTo("Promoted");
    assertThat(json.get("commit").asText()).isEqualTo(merged);
    assertThat(json.get("mergeRequest").get("state").asText()).isEqualTo("merged");
    assertThat(json.get("gitlab").get("releaseOutcome").asText()).isEqualTo("Created");
    assertThat(gitlab.tags(PROJECT))
        .singleElement()
        .satisfies(tag -> assertThat(tag.sha()).isEqualTo(merged));
    assertThat(gitlab.deployments(PROJECT))
        .singleElement()
        .satisfies(d -> assertThat(d.sha()).isEqualTo(merged));
    assertThat(repo.read("workloads/tbd-test/frontend/overlays/tst/values.yaml")).contains("1.5.0");
    assertThat(run.both()).doesNotContain(gitlab.token());
  }

  @Test
  void aConflictWhileWaitingIsPlannedAgainOnTheNewHeadAndTheSameRequestMerges() throws Exception {
    CompletableFuture<Void> mover =
        onceOpened(
            mr -> {
              String first = repo.branchHead(mr.sourceBranch());
              repo.commitAsSomeoneElse(
                  "workloads/promote-state.yaml", PAYMENTS_IN_STG, "record payments by hand");
              await()
                  .atMost(Duration.ofSeconds(30))
                  .until(() -> !first.equals(repo.branchHead(mr.sourceBranch())));
              gitlab.merge(PROJECT, mr.iid());
            });

    CliRun run = promoteThroughRequest("--wait", "--output", "json");

    mover.join();
    assertThat(run.code()).as(run.err()).isZero();
    assertThat(run.err()).contains("could not merge (conflict): planned again");
    String merged = gitlab.mergeRequests(PROJECT).get(0).mergeCommitSha();
    assertThat(merged).isEqualTo(repo.head());
    assertThat(new ObjectMapper().readTree(run.out()).get("commit").asText()).isEqualTo(merged);
    assertThat(gitlab.mergeRequests(PROJECT)).hasSize(1);
    assertThat(repo.read("workloads/promote-state.yaml"))
        .contains("payments-api: \"2.2.0\"", "tbd-test:");
  }

  private static final String PAYMENTS_IN_STG =
      """
      environments:
        STG:
          payments:
            promotion:
              version: "2.2.0"
              source_env: "TST"
              target_env: "STG"
              created_at: "2026-01-01T00:00:00Z"
              created_by: "seed"
            pre_state:
              payments:
                api:
                  payments-api: "2.1.0"
            post_state:
              payments:
                api:
                  payments-api: "2.2.0"
      """;

  @Test
  void anAutoMergeSquashRequestLandsAsItsSquashCommitOnceApproved() throws Exception {
    gitlab.requireApprovals(PROJECT, 1);
    CompletableFuture<Void> approver = onceOpened(mr -> gitlab.approve(PROJECT, mr.iid(), "bob"));

    CliRun run =
        promoteThroughRequest("--mr-squash", "--mr-auto-merge", "--wait", "--output", "json");

    approver.join();
    assertThat(run.code()).as(run.err()).isZero();
    FakeMergeRequest mr = gitlab.mergeRequests(PROJECT).get(0);
    assertThat(mr.state()).isEqualTo("merged");
    String squashed = mr.squashCommitSha();
    assertThat(squashed).isNotNull().isEqualTo(repo.head());
    JsonNode json = new ObjectMapper().readTree(run.out());
    assertThat(json.get("commit").asText()).isEqualTo(squashed);
    assertThat(json.get("warnings")).isEmpty();
    assertThat(gitlab.tags(PROJECT))
        .singleElement()
        .satisfies(tag -> assertThat(tag.sha()).isEqualTo(squashed));
  }

  @Test
  void aDryRunWithMergeRequestOnlyPreviews() {
    String before = repo.head();

    CliRun run =
        CliRun.of(
            Map.of("GITLAB_TOKEN", gitlab.token()),
            "promote",
            "--repo",
            repo.fileUrl(),
            "--group",
            "tbd-test",
            "--from",
            "DEV",
            "--to",
            "TST",
            "--gitlab-url",
            gitlab.url(),
            "--gitlab-project",
            PROJECT,
            "--merge-request");

    assertThat(run.code()).as(run.err()).isZero();
    assertThat(run.out()).contains("Result: Previewed").doesNotContain("Merge request:");
    assertThat(gitlab.mergeRequests(PROJECT)).isEmpty();
    assertThat(repo.head()).isEqualTo(before);
  }

  @Test
  void aRequestClosedWhileWaitingFailsWithExitOneAndPromotesNothing() {
    String before = repo.head();
    CompletableFuture<Void> closer = onceOpened(mr -> gitlab.closeMergeRequest(PROJECT, mr.iid()));

    CliRun run = promoteThroughRequest("--wait");

    closer.join();
    assertThat(run.code()).isEqualTo(1);
    assertThat(run.err())
        .contains("merge request !1 was closed without being merged; nothing changed");
    assertThat(run.out()).contains("Result: MergeRequestClosed", "(closed) from branch");
    assertThat(repo.head()).isEqualTo(before);
    assertThat(gitlab.tags(PROJECT)).isEmpty();
    assertThat(gitlab.deployments(PROJECT)).isEmpty();
  }

  @Test
  void aRequestNotMergedWithinTheTimeoutIsClosedWithExitOne() {
    String before = repo.head();

    CliRun run = promoteThroughRequest("--wait", "--timeout", "PT0.5S");

    assertThat(run.code()).isEqualTo(1);
    FakeMergeRequest mr = gitlab.mergeRequests(PROJECT).get(0);
    assertThat(mr.state()).isEqualTo("closed");
    assertThat(mr.notes()).anySatisfy(note -> assertThat(note).contains("--timeout"));
    assertThat(repo.branchHead(mr.sourceBranch())).isNull();
    assertThat(run.err()).contains("was not merged within 500ms: it was closed");
    assertThat(repo.head()).isEqualTo(before);
    assertThat(gitlab.tags(PROJECT)).isEmpty();
  }

  @Test
  void aMergeRequestWithoutGitLabIsRejectedWithExitTwoAndNothingWritten() {
    String before = repo.head();

    CliRun run = promote(Map.of(), "--merge-request");

    assertThat(run.code()).isEqualTo(2);
    assertThat(run.err()).contains("--merge-request needs --gitlab-url and --gitlab-project");
    assertThat(repo.head()).isEqualTo(before);
    assertThat(gitlab.requestLog()).isEmpty();
  }

  @Test
  void anUnknownReviewerIsRejectedWithExitTwoBeforeAnythingIsWritten() throws Exception {
    String before = repo.head();

    CliRun run = promoteThroughRequest("--mr-reviewer", "nobody");

    assertThat(run.code()).isEqualTo(2);
    assertThat(run.err()).contains("--mr-reviewer/--mr-assignee:", "nobody", "nothing was written");
    assertThat(repo.head()).isEqualTo(before);
    assertThat(branches()).containsExactly("refs/heads/main");
    assertThat(gitlab.mergeRequests(PROJECT)).isEmpty();
  }

  @Test
  void mergeRequestOptionsWithoutMergeRequestAreRejectedWithExitTwo() {
    String before = repo.head();

    CliRun run = promote(Map.of(), "--mr-label", "promotion", "--wait");

    assertThat(run.code()).isEqualTo(2);
    assertThat(run.err()).contains("need --merge-request");
    assertThat(repo.head()).isEqualTo(before);
  }

  @Test
  void aTimeoutWithoutWaitIsRejectedWithExitTwo() {
    String before = repo.head();

    CliRun run = promoteThroughRequest("--timeout", "5m");

    assertThat(run.code()).isEqualTo(2);
    assertThat(run.err()).contains("--timeout needs --wait");
    assertThat(repo.head()).isEqualTo(before);
    assertThat(gitlab.mergeRequests(PROJECT)).isEmpty();
  }

  @Test
  void aReRunResumesTheOpenRequestOfTheSameChangeInsteadOfOpeningASecond() throws Exception {
    CliRun first = promoteThroughRequest("--output", "json");
    assertThat(first.code()).as(first.err()).isZero();
    JsonNode opened = new ObjectMapper().readTree(first.out());
    String branch = opened.get("mergeRequest").get("sourceBranch").asText();
    String commit = opened.get("commit").asText();
    String before = repo.head();

    CliRun again = promoteThroughRequest("--output", "json");

    assertThat(again.code()).as(again.err()).isZero();
    assertThat(again.err())
        .contains(
            "resumed merge request !1 "
                + gitlab.url()
                + "/devops/argocd/-/merge_requests/1 from branch "
                + branch
                + ": an earlier run pushed the same change; nothing was pushed");
    JsonNode json = new ObjectMapper().readTree(again.out());
    assertThat(json.get("result").asText()).isEqualTo("AwaitingMerge");
    assertThat(json.get("commit").asText()).isEqualTo(commit);
    assertThat(json.get("changes")).containsExactlyInAnyOrderElementsOf(opened.get("changes"));
    assertThat(json.get("diff").asText()).isEqualTo(opened.get("diff").asText());
    assertThat(json.get("mergeRequest").get("iid").asLong()).isEqualTo(1);
    assertThat(json.get("mergeRequest").get("sourceBranch").asText()).isEqualTo(branch);
    assertThat(json.get("mergeRequest").get("resumed").asBoolean()).isTrue();
    assertThat(opened.get("mergeRequest").get("resumed").asBoolean()).isFalse();
    assertThat(gitlab.mergeRequests(PROJECT))
        .singleElement()
        .satisfies(mr -> assertThat(mr.state()).isEqualTo("opened"));
    assertThat(branches()).containsExactlyInAnyOrder("refs/heads/main", "refs/heads/" + branch);
    assertThat(repo.branchHead(branch)).as("not pushed again").isEqualTo(commit);
    assertThat(repo.head()).isEqualTo(before);
  }

  @Test
  void aResumedRequestSaysSoInText() {
    assertThat(promoteThroughRequest().code()).isZero();

    CliRun again = promoteThroughRequest();

    assertThat(again.code()).as(again.err()).isZero();
    assertThat(again.out())
        .contains("Result: AwaitingMerge\n")
        .containsPattern(
            "Merge request: !1 \\S+ \\(opened\\) from branch promotion/tst/tbd-test/[0-9a-f]{8},"
                + " resumed from an earlier run\n");
    assertThat(gitlab.mergeRequests(PROJECT)).hasSize(1);
  }

  @Test
  void aReRunWithWaitFollowsTheResumedRequestWithoutPushingAgainAndReleasesOnce() throws Exception {
    CliRun first = promoteThroughRequest("--output", "json");
    assertThat(first.code()).as(first.err()).isZero();
    JsonNode opened = new ObjectMapper().readTree(first.out());
    String branch = opened.get("mergeRequest").get("sourceBranch").asText();
    int logged = gitlab.requestLog().size();
    CompletableFuture<String> merger =
        CompletableFuture.supplyAsync(
            () -> {
              // the re-run looks at request !1 only once it waits for it
              await()
                  .atMost(Duration.ofSeconds(30))
                  .until(
                      () ->
                          gitlab.requestLog().stream()
                              .skip(logged)
                              .anyMatch(
                                  r ->
                                      r.method().equals("GET")
                                          && r.path().endsWith("/merge_requests/1")));
              String reviewed = repo.branchHead(branch);
              gitlab.merge(PROJECT, 1);
              return reviewed;
            });

    CliRun again = promoteThroughRequest("--wait", "--output", "json");

    String reviewed = merger.join();
    assertThat(again.code()).as(again.err()).isZero();
    assertThat(reviewed)
        .as("the branch as the first run pushed it")
        .isEqualTo(opened.get("commit").asText());
    FakeMergeRequest mr = gitlab.mergeRequests(PROJECT).get(0);
    assertThat(gitlab.mergeRequests(PROJECT)).hasSize(1);
    assertThat(mr.state()).isEqualTo("merged");
    JsonNode json = new ObjectMapper().readTree(again.out());
    assertThat(json.get("result").asText()).isEqualTo("Promoted");
    assertThat(json.get("commit").asText()).isEqualTo(mr.mergeCommitSha()).isEqualTo(repo.head());
    assertThat(json.get("mergeRequest").get("resumed").asBoolean()).isTrue();
    assertThat(json.get("mergeRequest").get("state").asText()).isEqualTo("merged");
    assertThat(gitlab.tags(PROJECT))
        .singleElement()
        .satisfies(tag -> assertThat(tag.sha()).isEqualTo(mr.mergeCommitSha()));
    assertThat(gitlab.deployments(PROJECT)).hasSize(1);
  }

  @Test
  void aReRunWithADifferentChangeSupersedesTheEarlierRequest() throws Exception {
    CliRun first = promoteThroughRequest("--output", "json");
    assertThat(first.code()).as(first.err()).isZero();
    String olderBranch =
        new ObjectMapper().readTree(first.out()).get("mergeRequest").get("sourceBranch").asText();
    String devFrontend = "workloads/tbd-test/frontend/overlays/dev/values.yaml";
    repo.commitAsSomeoneElse(
        devFrontend,
        repo.read(devFrontend).replace("tag: \"1.5.0\"", "tag: \"1.6.0\""),
        "frontend 1.6.0 in DEV");

    CliRun again = promoteThroughRequest("--output", "json");

    assertThat(again.code()).as(again.err()).isZero();
    JsonNode newer = new ObjectMapper().readTree(again.out()).get("mergeRequest");
    assertThat(newer.get("iid").asLong()).isEqualTo(2);
    assertThat(newer.get("resumed").asBoolean()).isFalse();
    assertThat(newer.get("sourceBranch").asText()).isNotEqualTo(olderBranch);
    FakeMergeRequest older =
        gitlab.mergeRequests(PROJECT).stream()
            .filter(mr -> mr.iid() == 1)
            .findFirst()
            .orElseThrow();
    assertThat(older.state()).isEqualTo("closed");
    assertThat(older.notes())
        .anySatisfy(
            note ->
                assertThat(note)
                    .startsWith("Superseded by merge request !2 " + newer.get("url").asText()));
    assertThat(repo.branchHead(olderBranch)).isNull();
    assertThat(again.err())
        .contains("superseded merge request !1 ", "closed, branch " + olderBranch + " deleted");
    assertThat(gitlab.mergeRequests(PROJECT))
        .filteredOn(mr -> mr.iid() == 2)
        .singleElement()
        .satisfies(mr -> assertThat(mr.state()).isEqualTo("opened"));
  }

  @Test
  void aRequestOfAnotherGroupIsNeitherResumedNorSuperseded() throws Exception {
    assertThat(promoteThroughRequest().code()).isZero();
    String branch = gitlab.mergeRequests(PROJECT).get(0).sourceBranch();

    CliRun other =
        CliRun.of(
            Map.of("GITLAB_TOKEN", gitlab.token()),
            "promote",
            "--repo",
            repo.fileUrl(),
            "--group",
            "payments",
            "--from",
            "DEV",
            "--to",
            "TST",
            "--dry-run=false",
            "--gitlab-url",
            gitlab.url(),
            "--gitlab-project",
            PROJECT,
            "--merge-request");

    assertThat(other.code()).as(other.err()).isZero();
    assertThat(gitlab.mergeRequests(PROJECT))
        .hasSize(2)
        .allSatisfy(mr -> assertThat(mr.state()).isEqualTo("opened"));
    assertThat(repo.branchHead(branch)).isNotNull();
    assertThat(other.err()).doesNotContain("resumed", "superseded");
  }

  @Test
  void aRequestWhoseCommitThisToolDidNotMakeIsLeftAlone() throws Exception {
    String human = "promotion/tst/tbd-test/deadbeef";
    repo.commitOnBranch(human, "workloads/notes.txt", "by hand\n", "a person's change");
    try (Gitlab4jMergeRequests api =
        new Gitlab4jMergeRequests(gitlab.url(), gitlab.token(), ConnectionTimeouts.DEFAULT)) {
      api.open(
          PROJECT,
          new MergeRequestDraft(
              human, "main", "by hand", "", List.of(), List.of(), List.of(), false, true, false));
    }

    CliRun run = promoteThroughRequest();

    assertThat(run.code()).as(run.err()).isZero();
    assertThat(gitlab.mergeRequests(PROJECT))
        .hasSize(2)
        .allSatisfy(mr -> assertThat(mr.state()).isEqualTo("opened"));
    assertThat(repo.branchHead(human)).isNotNull();
    assertThat(run.err()).doesNotContain("resumed", "superseded");
  }

  @Test
  void aResumedRequestNotMergedWithinTheTimeoutIsClosedWithItsBranch() {
    assertThat(promoteThroughRequest().code()).isZero();
    String branch = gitlab.mergeRequests(PROJECT).get(0).sourceBranch();

    CliRun again = promoteThroughRequest("--wait", "--timeout", "PT0.5S");

    assertThat(again.code()).isEqualTo(1);
    assertThat(again.err())
        .contains("resumed merge request !1 ", "was not merged within 500ms: it was closed");
    assertThat(gitlab.mergeRequests(PROJECT))
        .singleElement()
        .satisfies(mr -> assertThat(mr.state()).isEqualTo("closed"));
    assertThat(repo.branchHead(branch)).isNull();
    assertThat(again.out()).contains("Result: MergeRequestClosed", "from branch " + branch);
  }

  @Test
  void aReRunOpensTheRequestFromTheBranchARunStoppedBeforeOpeningItPushed() throws Exception {
    gitlab.failNext("POST", "/projects/4242/merge_requests", 403, 1);
    CliRun stopped = promoteThroughRequest();
    assertThat(stopped.code()).as(stopped.err()).isEqualTo(1);
    assertThat(gitlab.mergeRequests(PROJECT)).isEmpty();
    List<String> pushed = new ArrayList<>(branches());
    pushed.remove("refs/heads/main");
    assertThat(pushed).hasSize(1);
    String branch = pushed.get(0).substring("refs/heads/".length());
    String commit = repo.branchHead(branch);

    CliRun again = promoteThroughRequest("--output", "json");

    assertThat(again.code()).as(again.err()).isZero();
    assertThat(again.err()).contains("resumed merge request !1 ", "from branch " + branch);
    JsonNode json = new ObjectMapper().readTree(again.out());
    assertThat(json.get("commit").asText()).isEqualTo(commit);
    assertThat(json.get("mergeRequest").get("sourceBranch").asText()).isEqualTo(branch);
    assertThat(json.get("mergeRequest").get("resumed").asBoolean()).isTrue();
    assertThat(gitlab.mergeRequests(PROJECT))
        .singleElement()
        .satisfies(mr -> assertThat(mr.sourceBranch()).isEqualTo(branch))
        .satisfies(mr -> assertThat(mr.title()).startsWith("Promote [DEV] v1.5.0 -> [TST]"));
    assertThat(branches()).containsExactlyInAnyOrder("refs/heads/main", "refs/heads/" + branch);
    assertThat(repo.branchHead(branch)).isEqualTo(commit);
  }
}
