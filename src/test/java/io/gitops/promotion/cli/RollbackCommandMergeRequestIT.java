package io.gitops.promotion.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.gitops.promotion.gitlab.FakeGitLabServer;
import io.gitops.promotion.testing.GitOpsRepository;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.eclipse.jgit.revwalk.RevCommit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code rollback --merge-request} after a promotion of tbd-test DEV -> TST pushed directly: the
 * fake GitLab hosts the GitOps repository as project 4242 and merges its requests with real Git.
 */
class RollbackCommandMergeRequestIT {
  private static final String PROJECT = "4242";
  private static final String FRONTEND_TST = "workloads/tbd-test/frontend/overlays/tst/values.yaml";

  @TempDir Path dir;
  private GitOpsRepository repo;
  private FakeGitLabServer gitlab;

  @BeforeEach
  void promote() {
    repo = GitOpsRepository.create(dir, "argocd.git", GitOpsRepository.EXAMPLE);
    gitlab = FakeGitLabServer.start();
    gitlab.addProject(4242, "devops/argocd");
    gitlab.hostRepository(PROJECT, repo.bareDir());
    gitlab.addProject(1331, "tbd/frontend");
    gitlab.addProject(1332, "tbd/backend");
    gitlab.addCommits("1331", "v1.3.0", "v1.5.0", "feat: add user dashboard");
    gitlab.addCommits("1332", "v1.2.0", "v1.4.0", "fix: resolve login timeout");
    CliRun promoted =
        CliRun.of(
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
            "--dry-run=false");
    assertThat(promoted.code()).as(promoted.err()).isZero();
    assertThat(repo.read(FRONTEND_TST)).contains("tag: \"1.5.0\"");
  }

  @AfterEach
  void stop() {
    gitlab.close();
  }

  private CliRun rollbackThroughRequest(String... extra) {
    List<String> args =
        new ArrayList<>(
            List.of(
                "rollback",
                "--repo",
                repo.fileUrl(),
                "--group",
                "tbd-test",
                "--env",
                "TST",
                "--gitlab-url",
                gitlab.url(),
                "--gitlab-project",
                PROJECT,
                "--merge-request",
                "--mr-poll-interval",
                "PT0.05S"));
    args.addAll(List.of(extra));
    return CliRun.of(Map.of("GITLAB_TOKEN", gitlab.token()), args.toArray(String[]::new));
  }

  @Test
  void opensARequestFromARollbackBranchAndLeavesTheBranchAlone() throws Exception {
    String before = repo.head();

    CliRun run = rollbackThroughRequest("--mr-label", "rollback", "--output", "json");

    assertThat(run.code()).as(run.err()).isZero();
    JsonNode json = new ObjectMapper().readTree(run.out());
    JsonNode mr = json.get("mergeRequest");
    String branch = mr.get("sourceBranch").asText();
    assertThat(branch).matches("rollback/tst/tbd-test/[0-9a-f]{8}");
    assertThat(mr.get("state").asText()).isEqualTo("opened");
    assertThat(json.get("result").asText()).isEqualTo("AwaitingMerge");
    assertThat(mr.get("url").asText())
        .isEqualTo(gitlab.url() + "/devops/argocd/-/merge_requests/1");
    assertThat(repo.head()).isEqualTo(before);
    assertThat(repo.branchHead(branch)).isEqualTo(json.get("commit").asText());
    assertThat(gitlab.mergeRequests(PROJECT).get(0).labels()).containsExactly("rollback");
    assertThat(gitlab.deployments(PROJECT)).isEmpty();
  }

  @Test
  void waitsForTheMergeThenRegistersTheDeploymentsOnTheMergedCommit() throws Exception {
    CompletableFuture<Void> merger =
        CompletableFuture.runAsync(
            () -> {
              await()
                  .atMost(Duration.ofSeconds(30))
                  .until(() -> !gitlab.mergeRequests(PROJECT).isEmpty());
              gitlab.merge(PROJECT, gitlab.mergeRequests(PROJECT).get(0).iid());
            });

    CliRun run = rollbackThroughRequest("--wait", "--output", "json");

    merger.join();
    assertThat(run.code()).as(run.err()).isZero();
    String merged = gitlab.mergeRequests(PROJECT).get(0).mergeCommitSha();
    assertThat(merged).isNotNull().isEqualTo(repo.head());
    JsonNode json = new ObjectMapper().readTree(run.out());
    assertThat(json.get("result").asText()).isEqualTo("Restored");
    assertThat(json.get("commit").asText()).isEqualTo(merged);
    assertThat(json.get("mergeRequest").get("state").asText()).isEqualTo("merged");
    assertThat(repo.read(FRONTEND_TST)).contains("tag: \"1.3.0\"");
    assertThat(gitlab.deployments(PROJECT))
        .singleElement()
        .satisfies(d -> assertThat(d.sha()).isEqualTo(merged));
  }

  private CliRun rollbackWithGitLab(String... extra) {
    List<String> args =
        new ArrayList<>(
            List.of(
                "rollback",
                "--repo",
                repo.fileUrl(),
                "--group",
                "tbd-test",
                "--env",
                "TST",
                "--gitlab-url",
                gitlab.url(),
                "--gitlab-project",
                PROJECT));
    args.addAll(List.of(extra));
    return CliRun.of(Map.of("GITLAB_TOKEN", gitlab.token()), args.toArray(String[]::new));
  }

  @Test
  void anEmergencyRollbackIsPushedDirectlyWithItsReasonInTheForcedTrailer() throws Exception {
    CliRun run =
        rollbackWithGitLab(
            "--emergency", "--reason", "checkout is down, INC-4711", "--output", "json");

    assertThat(run.code()).as(run.err()).isZero();
    JsonNode json = new ObjectMapper().readTree(run.out());
    assertThat(json.get("result").asText()).isEqualTo("Restored");
    assertThat(json.has("mergeRequest") && !json.get("mergeRequest").isNull()).isFalse();
    assertThat(gitlab.mergeRequests(PROJECT)).isEmpty();
    RevCommit head = repo.log().get(0);
    assertThat(head.getName()).isEqualTo(repo.head()).isEqualTo(json.get("commit").asText());
    assertThat(head.getShortMessage()).endsWith("(EMERGENCY)");
    assertThat(head.getFullMessage()).contains("\nForced: checkout is down, INC-4711\n");
    assertThat(repo.read(FRONTEND_TST)).contains("tag: \"1.3.0\"");
    assertThat(gitlab.deployments(PROJECT))
        .singleElement()
        .satisfies(d -> assertThat(d.sha()).isEqualTo(head.getName()));
  }

  @Test
  void anEmergencyRollbackWithoutAReasonIsRejectedWithExitTwoAndWritesNothing() {
    String before = repo.head();

    CliRun run = rollbackWithGitLab("--emergency");

    assertThat(run.code()).isEqualTo(2);
    assertThat(run.err()).contains("an emergency rollback needs a reason (--reason");
    assertThat(repo.head()).isEqualTo(before);
    assertThat(gitlab.requestLog()).isEmpty();
  }

  @Test
  void anEmergencyRollbackThroughAMergeRequestIsRejectedWithExitTwoAndWritesNothing() {
    String before = repo.head();

    CliRun run = rollbackThroughRequest("--emergency", "--reason", "checkout is down");

    assertThat(run.code()).isEqualTo(2);
    assertThat(run.err()).contains("--emergency pushes directly").contains("--merge-request");
    assertThat(repo.head()).isEqualTo(before);
    assertThat(gitlab.requestLog()).isEmpty();
  }

  @Test
  void aRollbackRequestWithoutGitLabIsRejectedWithExitTwo() {
    String before = repo.head();

    CliRun run =
        CliRun.of(
            "rollback",
            "--repo",
            repo.fileUrl(),
            "--group",
            "tbd-test",
            "--env",
            "TST",
            "--merge-request");

    assertThat(run.code()).isEqualTo(2);
    assertThat(run.err()).contains("--merge-request needs --gitlab-url and --gitlab-project");
    assertThat(repo.head()).isEqualTo(before);
  }

  @Test
  void aReRunResumesTheOpenRollbackRequestAndFollowsItUntilMerged() throws Exception {
    CliRun first = rollbackThroughRequest("--output", "json");
    assertThat(first.code()).as(first.err()).isZero();
    JsonNode opened = new ObjectMapper().readTree(first.out());
    String branch = opened.get("mergeRequest").get("sourceBranch").asText();
    int logged = gitlab.requestLog().size();
    CompletableFuture<String> merger =
        CompletableFuture.supplyAsync(
            () -> {
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

    CliRun again = rollbackThroughRequest("--wait", "--output", "json");

    assertThat(merger.join()).isEqualTo(opened.get("commit").asText());
    assertThat(again.code()).as(again.err()).isZero();
    assertThat(again.err()).contains("resumed merge request !1 ", "from branch " + branch);
    assertThat(gitlab.mergeRequests(PROJECT)).hasSize(1);
    String merged = gitlab.mergeRequests(PROJECT).get(0).mergeCommitSha();
    JsonNode json = new ObjectMapper().readTree(again.out());
    assertThat(json.get("result").asText()).isEqualTo("Restored");
    assertThat(json.get("restored")).containsExactlyInAnyOrderElementsOf(opened.get("restored"));
    assertThat(json.get("commit").asText()).isEqualTo(merged).isEqualTo(repo.head());
    assertThat(json.get("mergeRequest").get("resumed").asBoolean()).isTrue();
    assertThat(repo.read(FRONTEND_TST)).contains("tag: \"1.3.0\"");
    assertThat(gitlab.deployments(PROJECT))
        .singleElement()
        .satisfies(d -> assertThat(d.sha()).isEqualTo(merged));
  }
}
