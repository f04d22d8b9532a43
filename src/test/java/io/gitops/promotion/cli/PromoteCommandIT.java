package io.gitops.promotion.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.gitops.promotion.testing.GitHttpServer;
import io.gitops.promotion.testing.GitOpsRepository;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class PromoteCommandIT {
  @TempDir Path dir;
  private GitOpsRepository repo;
  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();

  @BeforeEach
  void createRepository() {
    repo = GitOpsRepository.create(dir, "argocd.git", GitOpsRepository.EXAMPLE);
  }

  private int run(Map<String, String> env, String... args) {
    CommandLine cli = Main.commandLine(env);
    cli.setOut(new PrintWriter(out));
    cli.setErr(new PrintWriter(err));
    return cli.execute(args);
  }

  @Test
  void previewsByDefaultAndPrintsTheTableAndDiff() {
    String head = repo.head();
    int code =
        run(
            Map.of(),
            "promote",
            "--repo",
            repo.bareDir().toString(),
            "--group",
            "tbd-test",
            "--from",
            "DEV",
            "--to",
            "TST",
            "--version-service",
            "frontend");
    assertThat(code).as("exit code; stderr: %s", err).isZero();
    assertThat(out.toString())
        .startsWith("Preview [DEV] v1.5.0 -> [TST] v1.3.0\nResult: Previewed\n")
        .contains("SERVICE   APP               FROM   TO\n")
        .contains("frontend  tbd-test          1.3.0  1.5.0\n")
        .contains("+      tag: \"1.5.0\"");
    assertThat(repo.head()).isEqualTo(head);
  }

  @Test
  void promotesAndPrintsOneJsonObject() throws Exception {
    int code =
        run(
            Map.of(),
            "promote",
            "--repo",
            repo.fileUrl(),
            "--group",
            "tbd-test",
            "--from",
            "dev",
            "--to",
            "tst",
            "--version-service",
            "tbd-test/frontend",
            "--dry-run=false",
            "--requested-by",
            "alice",
            "--output",
            "json");
    assertThat(code).as(err.toString()).isZero();
    JsonNode json = new ObjectMapper().readTree(out.toString());
    assertThat(json.get("result").asText()).isEqualTo("Promoted");
    assertThat(json.get("title").asText()).isEqualTo("Promote [DEV] v1.5.0 -> [TST] v1.3.0");
    assertThat(json.get("version").asText()).isEqualTo("1.5.0");
    assertThat(json.get("releaseTag").asText()).isEqualTo("v1.5.0");
    assertThat(json.get("changes")).hasSize(2);
    assertThat(json.get("changes").get(1).toString())
        .isEqualTo(
            "{\"service\":\"frontend\",\"app\":\"tbd-test\",\"from\":\"1.3.0\",\"to\":\"1.5.0\"}");
    assertThat(json.get("commit").asText()).isEqualTo(repo.head());
    assertThat(json.get("warnings")).isEmpty();
    assertThat(json.get("git").get("roundTrips").asLong()).as("one fetch, one push").isEqualTo(2);
    assertThat(json.get("git").get("bytesFetched").asLong()).isPositive();
    assertThat(json.get("git").get("bytesPushed").asLong()).isPositive();
    assertThat(json.get("git").get("pushRejections").asInt()).isZero();
  }

  @Test
  void aRejectedRequestExitsWithTwoAndWritesNothing() {
    String head = repo.head();
    int code =
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
            "PRD",
            "--dry-run=false");
    assertThat(code).isEqualTo(2);
    assertThat(err.toString())
        .startsWith(
            "rejected (NotOnPromotionPath): DEV -> PRD is not a step of the promotion path");
    assertThat(out.toString()).isEmpty();
    assertThat(repo.head()).isEqualTo(head);
  }

  @Test
  void forceWithoutReasonIsRejected() {
    int code =
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
            "PRD",
            "--force");
    assertThat(code).isEqualTo(2);
    assertThat(err.toString()).contains("ReasonRequired");
  }

  @Test
  void aMissingRequiredFlagIsRejectedWithUsage() {
    int code = run(Map.of(), "promote", "--repo", repo.fileUrl(), "--from", "DEV", "--to", "TST");
    assertThat(code).isEqualTo(2);
    assertThat(err.toString())
        .contains("Missing required option: '--group=<group>'")
        .contains("Usage:");
  }

  @Test
  void readsHttpsCredentialsFromTheEnvironmentAndNeverPrintsThem() throws Exception {
    try (GitHttpServer server = GitHttpServer.start(dir, "deployer", "t0ken-value")) {
      int ok =
          run(
              Map.of("GIT_USERNAME", "deployer", "GIT_PASSWORD", "t0ken-value"),
              "promote",
              "--repo",
              server.url("argocd.git"),
              "--group",
              "tbd-test",
              "--from",
              "DEV",
              "--to",
              "TST",
              "--dry-run=false");
      assertThat(ok).as(err.toString()).isZero();
      int refused =
          run(
              Map.of("GIT_TOKEN", "bad-t0ken"),
              "promote",
              "--repo",
              server.url("argocd.git"),
              "--group",
              "tbd-test",
              "--from",
              "TST",
              "--to",
              "STG");
      assertThat(refused).isEqualTo(1);
      assertThat(err.toString())
          .contains("authentication refused")
          .doesNotContain("bad-t0ken")
          .doesNotContain("t0ken-value");
    }
  }
}
