package io.gitops.promotion.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.gitops.promotion.testing.GitOpsRepository;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * With {@code --output json} every outcome, a refusal or a failure too, is one JSON object on
 * stdout.
 */
class JsonFailureOutputIT {
  @TempDir Path dir;
  private GitOpsRepository repo;

  @BeforeEach
  void createRepository() {
    repo = GitOpsRepository.create(dir, "argocd.git", GitOpsRepository.EXAMPLE);
  }

  private static JsonNode json(CliRun run) throws Exception {
    JsonNode json = new ObjectMapper().readTree(run.out());
    assertThat(json.size()).as(run.out()).isEqualTo(3);
    return json;
  }

  @Test
  void aRejectedPromotionPrintsItsReason() throws Exception {
    CliRun run =
        CliRun.of(
            "promote",
            "--repo",
            repo.fileUrl(),
            "--group",
            "tbd-test",
            "--from",
            "DEV",
            "--to",
            "PRD",
            "--output",
            "json");

    assertThat(run.code()).isEqualTo(2);
    JsonNode json = json(run);
    assertThat(json.get("result").asText()).isEqualTo("Rejected");
    assertThat(json.get("reason").asText()).isEqualTo("NotOnPromotionPath");
    assertThat(json.get("message").asText())
        .startsWith("DEV -> PRD is not a step of the promotion path");
    assertThat(run.err()).startsWith("rejected (NotOnPromotionPath): ");
  }

  @Test
  void aRejectedRollbackPrintsItsReason() throws Exception {
    CliRun run =
        CliRun.of(
            "rollback",
            "--repo",
            repo.fileUrl(),
            "--group",
            "tbd-test",
            "--env",
            "TST",
            "--output=JSON");

    assertThat(run.code()).isEqualTo(2);
    assertThat(json(run).get("reason").asText()).isEqualTo("NoRecordedPromotion");
  }

  @Test
  void aMalformedCommandLineIsAnInvalidArgument() throws Exception {
    CliRun run =
        CliRun.of(
            "promote",
            "--output",
            "json",
            "--repo",
            repo.fileUrl(),
            "--group",
            "tbd-test",
            "--from",
            "DEV",
            "--to",
            "TST",
            "--dry-run=");

    assertThat(run.code()).isEqualTo(2);
    JsonNode json = json(run);
    assertThat(json.get("result").asText()).isEqualTo("Rejected");
    assertThat(json.get("reason").asText()).isEqualTo("InvalidArgument");
    assertThat(json.get("message").asText()).contains("--dry-run");
    assertThat(run.err()).contains("Usage:");
  }

  @Test
  void aRepositoryThatCannotBeReachedIsAFailure() throws Exception {
    CliRun run =
        CliRun.of(
            "promote",
            "--repo",
            dir.resolve("missing.git").toUri().toString(),
            "--group",
            "tbd-test",
            "--from",
            "DEV",
            "--to",
            "TST",
            "--output",
            "json");

    assertThat(run.code()).isEqualTo(1);
    JsonNode json = json(run);
    assertThat(json.get("result").asText()).isEqualTo("Failed");
    assertThat(json.get("reason").asText()).isEqualTo("GitRepositoryNotFound");
    assertThat(run.err()).startsWith("failed: ");
  }

  @Test
  void textOutputKeepsStdoutEmptyOnARefusal() {
    CliRun run =
        CliRun.of(
            "promote",
            "--repo",
            repo.fileUrl(),
            "--group",
            "tbd-test",
            "--from",
            "DEV",
            "--to",
            "PRD");

    assertThat(run.code()).isEqualTo(2);
    assertThat(run.out()).isEmpty();
  }
}
