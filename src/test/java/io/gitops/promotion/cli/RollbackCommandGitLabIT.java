package io.gitops.promotion.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.gitops.promotion.gitlab.FakeDeployment;
import io.gitops.promotion.gitlab.FakeGitLabServer;
import io.gitops.promotion.gitlab.FakeTag;
import io.gitops.promotion.testing.GitOpsRepository;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.assertj.core.groups.Tuple;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * {@code rollback} with GitLab, after a promotion of tbd-test DEV -> TST: the fake GitLab hosts the
 * GitOps repository as project 4242 and the frontend and backend sources as 1331 and 1332.
 */
class RollbackCommandGitLabIT {
  @TempDir Path dir;
  private GitOpsRepository repo;
  private FakeGitLabServer gitlab;
  private String frontendV130;
  private String backendV120;
  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();

  @BeforeEach
  void promote() {
    repo = GitOpsRepository.create(dir, "argocd.git", GitOpsRepository.EXAMPLE);
    gitlab = FakeGitLabServer.start();
    gitlab.addProject(4242, "devops/argocd");
    gitlab.hostRepository("4242", repo.bareDir());
    gitlab.addProject(1331, "tbd/frontend");
    gitlab.addProject(1332, "tbd/backend");
    gitlab.addCommits("1331", "v1.3.0", "v1.5.0", "feat: add user dashboard");
    gitlab.addCommits("1332", "v1.2.0", "v1.4.0", "fix: resolve login timeout");
    frontendV130 = tagSha("1331", "v1.3.0");
    backendV120 = tagSha("1332", "v1.2.0");
    int promoted =
        run(
            Map.of(),
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
    assertThat(promoted).as(err.toString()).isZero();
  }

  @AfterEach
  void stop() {
    gitlab.close();
  }

  private int run(Map<String, String> env, String... args) {
    out.getBuffer().setLength(0);
    err.getBuffer().setLength(0);
    CommandLine cli = Main.commandLine(env);
    cli.setOut(new PrintWriter(out));
    cli.setErr(new PrintWriter(err));
    return cli.execute(args);
  }

  private int rollback(Map<String, String> env, String... extra) {
    List<String> args =
        new ArrayList<>(
            List.of("rollback", "--repo", repo.fileUrl(), "--group", "tbd-test", "--env", "TST"));
    args.addAll(List.of(extra));
    return run(env, args.toArray(String[]::new));
  }

  private int rollbackWithGitLab(String... extra) {
    List<String> args =
        new ArrayList<>(List.of("--gitlab-url", gitlab.url(), "--gitlab-project", "4242"));
    args.addAll(List.of(extra));
    return rollback(Map.of("GITLAB_TOKEN", gitlab.token()), args.toArray(String[]::new));
  }

  @Test
  void registersTheRestoredVersionsDeploymentsAndPrintsTheGitLabSectionInJson() throws Exception {
    int code = rollbackWithGitLab("--output", "json");

    assertThat(code).as(err.toString()).isZero();
    String commit = repo.head();
    JsonNode json = new ObjectMapper().readTree(out.toString());
    assertThat(json.get("result").asText()).isEqualTo("Restored");
    assertThat(json.get("commit").asText()).isEqualTo(commit);
    JsonNode section = json.get("gitlab");
    assertThat(section.get("skipped").asBoolean()).isFalse();
    assertThat(section.get("releaseOutcome").asText()).isEqualTo("Skipped");
    assertThat(section.get("releaseTag").isNull()).isTrue();
    assertThat(section.get("tagCreated").asBoolean()).isFalse();
    assertThat(section.get("releaseCreated").asBoolean()).isFalse();
    assertThat(section.get("deploymentsOutcome").asText()).isEqualTo("Created");
    assertThat(section.get("deployments").toString())
        .isEqualTo(
            "["
                + deployment("4242", commit, "main")
                + ","
                + deployment("1332", backendV120, "v1.2.0")
                + ","
                + deployment("1331", frontendV130, "v1.3.0")
                + "]");
    assertThat(section.get("warnings")).isEmpty();
    assertThat(section.get("stepsNotDone")).isEmpty();
    assertThat(deployments("4242")).containsExactly(tuple("TST", commit, "main", false, "success"));
    assertThat(deployments("1331"))
        .containsExactly(tuple("TST", frontendV130, "v1.3.0", true, "success"));
    assertThat(deployments("1332"))
        .containsExactly(tuple("TST", backendV120, "v1.2.0", true, "success"));
    assertThat(gitlab.tags("4242")).isEmpty();
    assertThat(gitlab.releases("4242")).isEmpty();
    assertThat(out.toString() + err).doesNotContain(gitlab.token());
  }

  @Test
  void printsTheGitLabSectionAsTextAndARerunRegistersNothingTwice() {
    assertThat(rollbackWithGitLab()).as(err.toString()).isZero();
    String commit = repo.head();
    assertThat(out.toString())
        .contains(
            "Commit: "
                + commit
                + "\n"
                + "GitLab:\n"
                + "  release: Skipped: a rollback makes no release\n"
                + "  deployments: Created: deployments registered\n"
                + "    project 4242 TST #"
                + gitlab.deployments("4242").get(0).id()
                + " main "
                + commit
                + "\n"
                + "    project 1332 TST #"
                + gitlab.deployments("1332").get(0).id()
                + " v1.2.0 "
                + backendV120
                + "\n"
                + "    project 1331 TST #"
                + gitlab.deployments("1331").get(0).id()
                + " v1.3.0 "
                + frontendV130
                + "\n");
    int posts = gitlab.requests("POST", "/").size();

    assertThat(rollbackWithGitLab()).as(err.toString()).isZero();

    assertThat(out.toString())
        .contains("Result: NothingToRollBack\n")
        .contains(
            "GitLab:\n"
                + "  release: Skipped: nothing was pushed (NothingToRollBack)\n"
                + "  deployments: Skipped: nothing was pushed (NothingToRollBack)\n");
    assertThat(repo.head()).isEqualTo(commit);
    assertThat(gitlab.requests("POST", "/")).hasSize(posts);
    for (String project : List.of("4242", "1331", "1332")) {
      assertThat(gitlab.deployments(project)).as(project).hasSize(1);
    }
  }

  @Test
  void aPreviewCallsNoGitLab() throws Exception {
    String head = repo.head();

    assertThat(rollbackWithGitLab("--dry-run=true", "--output", "json"))
        .as(err.toString())
        .isZero();

    JsonNode section = new ObjectMapper().readTree(out.toString()).get("gitlab");
    assertThat(section.get("deploymentsOutcome").asText()).isEqualTo("Skipped");
    assertThat(section.get("deployments")).isEmpty();
    assertThat(gitlab.requestLog()).isEmpty();
    assertThat(repo.head()).isEqualTo(head);
  }

  @Test
  void withoutGitLabOnlyGitIsWrittenAndTheOutputSaysTheGitLabStepsWereSkipped() throws Exception {
    assertThat(rollback(Map.of(), "--output", "json")).as(err.toString()).isZero();

    JsonNode section = new ObjectMapper().readTree(out.toString()).get("gitlab");
    assertThat(section.get("skipped").asBoolean()).isTrue();
    assertThat(section.get("deploymentsOutcome").asText()).isEqualTo("Skipped");
    assertThat(gitlab.requestLog()).isEmpty();

    assertThat(rollback(Map.of())).as(err.toString()).isZero();
    assertThat(out.toString())
        .contains("\nGitLab: skipped (no --gitlab-url and --gitlab-project)\n");
  }

  @Test
  void gitLabWithoutTokenOrProjectIsRejectedBeforeAnythingIsPushed() {
    String head = repo.head();

    assertThat(rollback(Map.of(), "--gitlab-url", gitlab.url(), "--gitlab-project", "4242"))
        .isEqualTo(2);
    assertThat(err.toString())
        .startsWith(
            "rejected: --gitlab-url and --gitlab-project need a GitLab API token"
                + " in the environment variable GITLAB_TOKEN");
    assertThat(rollback(Map.of("GITLAB_TOKEN", gitlab.token()), "--gitlab-url", gitlab.url()))
        .isEqualTo(2);
    assertThat(err.toString()).contains("Missing required argument(s): --gitlab-project=<id|path>");

    assertThat(repo.head()).isEqualTo(head);
    assertThat(gitlab.requestLog()).isEmpty();
  }

  @Test
  void aGitLabRefusalAfterThePushExitsOneAndSaysWhatIsDoneAndWhatIsNot() throws Exception {
    gitlab.failNext("POST", "/projects/1331/deployments", 403, 1);

    int code = rollbackWithGitLab("--output", "json");

    assertThat(code).isEqualTo(1);
    String commit = repo.head();
    assertThat(err.toString())
        .isEqualTo(
            "failed after the push: commit "
                + commit
                + " is pushed to main and stays;"
                + " GitLab deployments step failed: GitLab refused create deployment v1.3.0 to TST on project 1331:"
                + " 403 Forbidden; GitLab steps done: release (Skipped: a rollback makes no release);"
                + " not done: deployments (NotDone: 2 recorded before it stopped)\n");
    JsonNode json = new ObjectMapper().readTree(out.toString());
    assertThat(json.get("result").asText()).isEqualTo("Restored");
    assertThat(json.get("gitlab").get("deployments")).hasSize(2);
    assertThat(json.get("gitlab").get("stepsNotDone").toString()).isEqualTo("[\"deployments\"]");
    assertThat(out.toString() + err).doesNotContain(gitlab.token());
  }

  private String deployment(String project, String sha, String ref) {
    FakeDeployment made = gitlab.deployments(project).get(0);
    return "{\"project\":\""
        + project
        + "\",\"environment\":\"TST\",\"id\":"
        + made.id()
        + ",\"sha\":\""
        + sha
        + "\",\"ref\":\""
        + ref
        + "\"}";
  }

  /** (environment, sha, ref, ref is a tag, status) of each deployment, oldest first. */
  private List<Tuple> deployments(String project) {
    return gitlab.deployments(project).stream()
        .map(d -> tuple(d.environment(), d.sha(), d.ref(), d.tag(), d.status()))
        .toList();
  }

  private String tagSha(String project, String tag) {
    return gitlab.tags(project).stream()
        .filter(t -> t.name().equals(tag))
        .map(FakeTag::sha)
        .findFirst()
        .orElseThrow();
  }
}
