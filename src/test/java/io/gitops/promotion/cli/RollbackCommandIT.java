package io.gitops.promotion.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.gitops.promotion.config.EnvironmentCatalog;
import io.gitops.promotion.engine.PromotionEngine;
import io.gitops.promotion.engine.PromotionListener;
import io.gitops.promotion.engine.PromotionParameters;
import io.gitops.promotion.engine.RequestValidator;
import io.gitops.promotion.git.GitCredentials;
import io.gitops.promotion.git.GitRemote;
import io.gitops.promotion.git.GitWorkspace;
import io.gitops.promotion.layout.OverlaysLayout;
import io.gitops.promotion.testing.GitOpsRepository;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class RollbackCommandIT {
  private static final String FRONTEND_TST = "workloads/tbd-test/frontend/overlays/tst/values.yaml";

  @TempDir Path dir;
  private GitOpsRepository repo;
  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();

  @BeforeEach
  void createRepository() {
    repo = GitOpsRepository.create(dir, "argocd.git", GitOpsRepository.EXAMPLE);
  }

  private int run(String... args) {
    out.getBuffer().setLength(0);
    err.getBuffer().setLength(0);
    CommandLine cli = Main.commandLine(Map.of());
    cli.setOut(new PrintWriter(out));
    cli.setErr(new PrintWriter(err));
    return cli.execute(args);
  }

  private int rollback(String... flags) {
    String[] args = new String[flags.length + 7];
    System.arraycopy(
        new String[] {"rollback", "--repo", repo.fileUrl(), "--group", "tbd-test", "--env", "TST"},
        0,
        args,
        0,
        7);
    System.arraycopy(flags, 0, args, 7, flags.length);
    return run(args);
  }

  private void promote() {
    int code =
        run(
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
    assertThat(code).as(err.toString()).isZero();
  }

  private JsonNode json() throws Exception {
    return new ObjectMapper().readTree(out.toString());
  }

  @Test
  void rollsBackByDefaultAndPrintsOneJsonObject() throws Exception {
    String before = repo.read(FRONTEND_TST);
    promote();

    int code = rollback("--requested-by", "bob", "--output", "json");

    assertThat(code).as(err.toString()).isZero();
    JsonNode json = json();
    assertThat(json.get("result").asText()).isEqualTo("Restored");
    assertThat(json.get("promotionId").asText()).isNotBlank();
    assertThat(json.get("restored")).hasSize(2);
    assertThat(json.get("restored").get(1).toString())
        .isEqualTo(
            "{\"service\":\"frontend\",\"app\":\"tbd-test\",\"from\":\"1.5.0\",\"to\":\"1.3.0\"}");
    assertThat(json.get("conflicts")).isEmpty();
    assertThat(json.get("commit").asText()).isEqualTo(repo.head());
    assertThat(json.get("diff").asText()).contains("+      tag: \"1.3.0\"");
    assertThat(repo.read(FRONTEND_TST)).isEqualTo(before);
    assertThat(repo.log().get(0).getFooterLines("Rollback-Of"))
        .containsExactly(json.get("promotionId").asText());

    assertThat(rollback("--output", "json")).isZero();
    assertThat(json().get("result").asText()).isEqualTo("NothingToRollBack");
    assertThat(json().get("commit").isNull()).isTrue();
  }

  @Test
  void aRollbackWithNoDriftGivesBackThePlainTagThePromotionHadToQuote() {
    String dev = "workloads/tbd-test/frontend/overlays/dev/values.yaml";
    repo.commitAsSomeoneElse(
        dev, repo.read(dev).replace("tag: \"1.5.0\"", "tag: \"1.10\""), "DEV gets 1.10");
    repo.commitAsSomeoneElse(
        FRONTEND_TST,
        repo.read(FRONTEND_TST).replace("tag: \"1.3.0\"", "tag: 1.9.2"),
        "TST written plain");
    String before = repo.read(FRONTEND_TST);
    promote();
    assertThat(repo.read(FRONTEND_TST)).contains("tag: \"1.10\"  # promoted");

    assertThat(rollback()).as(err.toString()).isZero();

    assertThat(repo.read(FRONTEND_TST)).isEqualTo(before);
  }

  @Test
  void reportsAHandEditedTagAsAConflictInJsonAndText() throws Exception {
    promote();
    repo.commitAsSomeoneElse(
        FRONTEND_TST, repo.read(FRONTEND_TST).replace("1.5.0", "1.5.1"), "Hand edit");

    assertThat(rollback("--dry-run=true")).as(err.toString()).isZero();
    assertThat(out.toString())
        .startsWith("Preview roll back tbd-test [TST] v1.5.0 (promotion ")
        .contains("Result: Previewed\n")
        .contains("SERVICE  APP               FROM   TO\nbackend  tbd-test-backend  1.4.0  1.2.0\n")
        .contains(
            "SERVICE   APP       PROMOTED  NOW    BEFORE\nfrontend  tbd-test  1.5.0     1.5.1  1.3.0\n");

    assertThat(rollback("--output", "json")).isZero();
    assertThat(json().get("result").asText()).isEqualTo("PartiallyRestored");
    assertThat(json().get("conflicts").toString())
        .isEqualTo(
            "[{\"service\":\"frontend\",\"app\":\"tbd-test\",\"expected\":\"1.5.0\",\"actual\":\"1.5.1\",\"restoreTo\":\"1.3.0\"}]");
    assertThat(repo.read(FRONTEND_TST)).contains("tag: \"1.5.1\"");
  }

  @Test
  void aDryRunWritesNothing() {
    promote();
    String head = repo.head();
    assertThat(rollback("--dry-run=true", "--output", "json")).isZero();
    assertThat(out.toString()).contains("\"result\" : \"Previewed\"", "\"commit\" : null");
    assertThat(repo.head()).isEqualTo(head);
  }

  @Test
  void aRejectedRollbackExitsWithTwoAndWritesNothing() {
    String head = repo.head();
    assertThat(rollback()).isEqualTo(2);
    assertThat(err.toString())
        .startsWith(
            "rejected (NoRecordedPromotion): no promotion of tbd-test into TST is recorded in workloads/promote-state.yaml");
    assertThat(out.toString()).isEmpty();
    assertThat(repo.head()).isEqualTo(head);

    assertThat(rollback("--force")).isEqualTo(2);
    assertThat(err.toString()).contains("ReasonRequired");
    assertThat(rollback("--window", "7x")).isEqualTo(2);
    assertThat(err.toString()).contains("is not a rollback window");
  }

  @Test
  void anOldPromotionNeedsForceOrAWiderWindow() {
    PromotionEngine lastYear =
        new PromotionEngine(
            OverlaysLayout.defaults(),
            PromoteCommand.COMMITTER,
            Clock.fixed(Instant.parse("2025-06-01T00:00:00Z"), ZoneOffset.UTC),
            PromotionListener.NONE,
            5);
    try (GitWorkspace ws =
        GitWorkspace.open(
            new GitRemote(repo.fileUrl(), "main", GitCredentials.none()), dir.resolve("ws"))) {
      lastYear.run(
          new RequestValidator(EnvironmentCatalog.defaults())
              .validate(
                  new PromotionParameters(
                      "p-old", "tbd-test", "DEV", "TST", null, false, false, null, "alice")),
          ws,
          PromotionEngine.RunOptions.firstAttempt());
    }
    String head = repo.head();

    assertThat(rollback()).isEqualTo(2);
    assertThat(err.toString())
        .startsWith(
            "rejected (RollbackWindowExpired): promotion p-old of tbd-test into TST was made at 2025-06-01T00:00:00Z");
    assertThat(rollback("--promotion-id", "p-new")).isEqualTo(2);
    assertThat(err.toString()).startsWith("rejected (PromotionSuperseded)");
    assertThat(rollback("--window", "0", "--dry-run=true")).as(err.toString()).isZero();
    assertThat(out.toString()).contains("Result: Previewed");
    assertThat(repo.head()).isEqualTo(head);

    assertThat(rollback("--force", "--reason", "bad release", "--promotion-id", "p-old"))
        .as(err.toString())
        .isZero();
    assertThat(out.toString()).contains("Result: Restored").contains("(FORCED)");
    assertThat(repo.log().get(0).getFooterLines("Forced")).containsExactly("bad release");
  }

  @Test
  void anUnreachableRepositoryIsAFailureWithExitOne() {
    assertThat(
            run(
                "rollback",
                "--repo",
                dir.resolve("missing.git").toString(),
                "--group",
                "tbd-test",
                "--env",
                "TST"))
        .isEqualTo(1);
    assertThat(err.toString()).startsWith("failed: ");
  }
}
