package io.gitops.promotion.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.gitops.promotion.gitlab.FakeDeployment;
import io.gitops.promotion.gitlab.FakeGitLabServer;
import io.gitops.promotion.testing.GitOpsRepository;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code promote} with GitLab: the fake GitLab hosts the GitOps repository as project 4242. */
class PromoteCommandGitLabIT {
  @TempDir Path dir;
  private GitOpsRepository repo;
  private FakeGitLabServer gitlab;
  private List<String> frontend;
  private List<String> backend;
  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();

  @BeforeEach
  void start() {
    repo = GitOpsRepository.create(dir, "argocd.git", GitOpsRepository.EXAMPLE);
    gitlab = FakeGitLabServer.start();
    gitlab.addProject(4242, "devops/argocd");
    gitlab.hostRepository("4242", repo.bareDir());
    gitlab.addProject(1331, "tbd/frontend");
    gitlab.addProject(1332, "tbd/backend");
    frontend = gitlab.addCommits("1331", "v1.3.0", "v1.5.0", "feat: add user dashboard");
    backend = gitlab.addCommits("1332", "v1.2.0", "v1.4.0", "fix: resolve login timeout");
  }

  @AfterEach
  void stop() {
    gitlab.close();
  }

  private int promote(Map<String, String> env, String... extra) {
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
    CommandLine cli = Main.commandLine(env);
    cli.setOut(new PrintWriter(out));
    cli.setErr(new PrintWriter(err));
    return cli.execute(args.toArray(String[]::new));
  }

  private Map<String, String> token() {
    return Map.of("GITLAB_TOKEN", gitlab.token());
  }

  @Test
  void promotesReleasesAndPrintsTheGitLabSectionInJson() throws Exception {
    int code =
        promote(
            token(), "--gitlab-url", gitlab.url(), "--gitlab-project", "4242", "--output", "json");

    assertThat(code).as(err.toString()).isZero();
    JsonNode json = new ObjectMapper().readTree(out.toString()).get("gitlab");
    String commit = repo.head();
    assertThat(json.get("skipped").asBoolean()).isFalse();
    assertThat(json.get("releaseOutcome").asText()).isEqualTo("Created");
    assertThat(json.get("releaseTag").asText()).isEqualTo("v1.5.0");
    assertThat(json.get("releaseUrl").asText())
        .isEqualTo(gitlab.url() + "/devops/argocd/-/releases/v1.5.0");
    assertThat(json.get("tagCreated").asBoolean()).isTrue();
    assertThat(json.get("releaseCreated").asBoolean()).isTrue();
    assertThat(json.get("deploymentsOutcome").asText()).isEqualTo("Created");
    assertThat(json.get("deployments").toString())
        .isEqualTo(
            "["
                + deployment("4242", commit, "v1.5.0")
                + ","
                + deployment("1331", frontend.get(0), "v1.5.0")
                + ","
                + deployment("1332", backend.get(0), "v1.4.0")
                + "]");
    assertThat(json.get("unreleasedChanges").asInt()).isZero();
    assertThat(json.get("warnings")).isEmpty();
    assertThat(json.get("stepsNotDone")).isEmpty();
    assertThat(gitlab.tags("4242"))
        .singleElement()
        .satisfies(tag -> assertThat(tag.sha()).isEqualTo(commit));
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

  @Test
  void printsAShortGitLabSectionAsText() {
    int code = promote(token(), "--gitlab-url", gitlab.url(), "--gitlab-project", "4242");

    assertThat(code).as(err.toString()).isZero();
    String commit = repo.head();
    assertThat(out.toString())
        .contains(
            "Commit: "
                + commit
                + "\n"
                + "GitLab:\n"
                + "  release: Created v1.5.0: tag and release created\n"
                + "  release page: "
                + gitlab.url()
                + "/devops/argocd/-/releases/v1.5.0\n"
                + "  deployments: Created: deployments registered\n"
                + "    project 4242 TST #"
                + gitlab.deployments("4242").get(0).id()
                + " v1.5.0 "
                + commit
                + "\n"
                + "    project 1331 TST #"
                + gitlab.deployments("1331").get(0).id()
                + " v1.5.0 "
                + frontend.get(0)
                + "\n"
                + "    project 1332 TST #"
                + gitlab.deployments("1332").get(0).id()
                + " v1.4.0 "
                + backend.get(0)
                + "\n");
  }

  @Test
  void withoutGitLabOnlyGitIsWrittenAndTheOutputSaysTheGitLabStepsWereSkipped() throws Exception {
    int json = promote(Map.of(), "--output", "json");
    JsonNode gitlabJson = new ObjectMapper().readTree(out.toString()).get("gitlab");

    assertThat(json).as(err.toString()).isZero();
    assertThat(gitlabJson.get("skipped").asBoolean()).isTrue();
    assertThat(gitlabJson.get("releaseOutcome").asText()).isEqualTo("Skipped");
    assertThat(gitlabJson.get("releaseTag").isNull()).isTrue();
    assertThat(gitlabJson.get("deployments")).isEmpty();
    assertThat(gitlab.requestLog()).isEmpty();

    out.getBuffer().setLength(0);
    int text =
        run(
            Map.of(),
            "promote",
            "--repo",
            repo.fileUrl(),
            "--group",
            "tbd-test",
            "--from",
            "TST",
            "--to",
            "STG");
    assertThat(text).as(err.toString()).isZero();
    assertThat(out.toString())
        .contains("\nGitLab: skipped (no --gitlab-url and --gitlab-project)\n");
  }

  private int run(Map<String, String> env, String... args) {
    CommandLine cli = Main.commandLine(env);
    cli.setOut(new PrintWriter(out));
    cli.setErr(new PrintWriter(err));
    return cli.execute(args);
  }

  @Test
  void aGitLabUrlWithoutProjectIsRejected() {
    String head = repo.head();

    int code = promote(token(), "--gitlab-url", gitlab.url());

    assertThat(code).isEqualTo(2);
    assertThat(err.toString()).contains("Missing required argument(s): --gitlab-project=<id|path>");
    assertThat(repo.head()).isEqualTo(head);
  }

  @Test
  void gitLabWithoutTokenIsRejectedBeforeAnythingIsPushed() {
    String head = repo.head();

    int code = promote(Map.of(), "--gitlab-url", gitlab.url(), "--gitlab-project", "4242");

    assertThat(code).isEqualTo(2);
    assertThat(err.toString())
        .startsWith(
            "rejected: --gitlab-url and --gitlab-project need a GitLab API token"
                + " in the environment variable GITLAB_TOKEN");
    assertThat(repo.head()).isEqualTo(head);
    assertThat(gitlab.requestLog()).isEmpty();
  }

  @Test
  void anUnknownReleaseSourceIsRejected() {
    int code =
        promote(
            token(),
            "--gitlab-url",
            gitlab.url(),
            "--gitlab-project",
            "4242",
            "--release-from",
            "QA");

    assertThat(code).isEqualTo(2);
    assertThat(err.toString())
        .startsWith(
            "rejected: --release-from: unknown environment 'QA'; known: DFT, DEV, TST, STG, PRD");
  }

  @Test
  void aGitLabFailureAfterThePushExitsOneAndSaysWhatIsDoneAndWhatIsNot() throws Exception {
    String head = repo.head();
    gitlab.failNext("POST", "/projects/4242/releases", 403, 1);

    int code =
        promote(
            token(), "--gitlab-url", gitlab.url(), "--gitlab-project", "4242", "--output", "json");

    assertThat(code).isEqualTo(1);
    String commit = repo.head();
    assertThat(commit).isNotEqualTo(head);
    assertThat(err.toString())
        .isEqualTo(
            "failed after the push: commit "
                + commit
                + " is pushed to main and stays;"
                + " GitLab release step failed: GitLab refused create release v1.5.0 on project 4242: 403 Forbidden;"
                + " GitLab steps done: none; not done: release (NotDone v1.5.0: tag created, release not), deployments\n");
    JsonNode json = new ObjectMapper().readTree(out.toString());
    assertThat(json.get("result").asText()).isEqualTo("Promoted");
    assertThat(json.get("commit").asText()).isEqualTo(commit);
    assertThat(json.get("gitlab").get("tagCreated").asBoolean()).isTrue();
    assertThat(json.get("gitlab").get("stepsNotDone").toString())
        .isEqualTo("[\"release\",\"deployments\"]");
    assertThat(out.toString() + err).doesNotContain(gitlab.token());
  }

  @Test
  void releasesFromTheEnvironmentsGiven() throws Exception {
    gitlab.addProject(1333, "tbd/worker");

    int code =
        run(
            token(),
            "promote",
            "--repo",
            repo.fileUrl(),
            "--group",
            "tbd-test",
            "--from",
            "TST",
            "--to",
            "STG",
            "--version-service",
            "frontend",
            "--dry-run=false",
            "--gitlab-url",
            gitlab.url(),
            "--gitlab-project",
            "devops/argocd",
            "--release-from",
            "dev,tst",
            "--output",
            "json");

    assertThat(code).as(err.toString()).isZero();
    JsonNode json = new ObjectMapper().readTree(out.toString()).get("gitlab");
    assertThat(json.get("releaseOutcome").asText()).isEqualTo("Created");
    assertThat(json.get("releaseTag").asText()).isEqualTo("v1.3.0");
    assertThat(gitlab.releases("4242"))
        .singleElement()
        .satisfies(
            release ->
                assertThat(release.name()).isEqualTo("tbd-test [TST] v1.3.0 → [STG] v1.2.0"));
    assertThat(json.get("warnings").toString())
        .isEqualTo(
            "["
                + "\"no changelog for tbd-test: tag v1.2.0 does not exist in GitLab project 1331\","
                + "\"no changelog for tbd-test-worker: tag v0.8.0 does not exist in GitLab project 1333\","
                + "\"no deployment of tbd-test-worker 0.8.1: GitLab project 1333 has no tag v0.8.1\"]");
  }
}
