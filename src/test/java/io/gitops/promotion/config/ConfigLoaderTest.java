package io.gitops.promotion.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfigLoaderTest {
  static final String MINIMAL =
      """
      repositories:
        - name: argocd
          url: https://gitlab.example.com/devops/argocd.git
      """;

  static OperatorConfig parse(String yaml) {
    return new ConfigLoader().parse(yaml, "test.yaml");
  }

  @Test
  void readsTheDesignDocumentsExample(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("operator.yaml");
    Files.writeString(
        file,
        """
        repositories:
          - name: argocd
            url: https://gitlab.example.com/devops/argocd.git
            branch: main
            workloadsDir: workloads
            credentialsSecret: argocd-git
            gitlab: {url: https://gitlab.example.com, projectId: 1234, tokenSecret: gitlab-token}
        environments:
          - {name: DFT, dir: dft, tier: development}
          - {name: DEV, dir: dev, tier: development}
          - {name: TST, dir: tst, tier: testing}
          - {name: STG, dir: stg, tier: staging}
          - {name: PRD, dir: prd, tier: production}
        promotionPath: [DEV, TST, STG, PRD]
        releaseFrom: [DEV]
        rollbackWindow: 12h
        versionServices: {tbd-test: frontend}
        committer: {name: Release Bot, email: release-bot@example.com}
        git: {cacheDir: /var/cache/promotion, maxPushAttempts: 3}
        httpPort: 9090
        watchNamespaces: [releases, team-a]
        leaderElection: {enabled: false, leaseName: promo-leader, leaseNamespace: promotion-system}
        """);
    OperatorConfig config = new ConfigLoader().load(file);

    RepositoryConfig repository = config.repository("argocd").orElseThrow();
    assertThat(repository)
        .isEqualTo(
            new RepositoryConfig(
                "argocd",
                "https://gitlab.example.com/devops/argocd.git",
                "main",
                "workloads",
                "argocd-git",
                new GitLabConfig("https://gitlab.example.com", "1234", "gitlab-token")));
    assertThat(config.environments().names()).isEqualTo("DFT, DEV, TST, STG, PRD");
    Environment dev = config.environments().find("dev").orElseThrow();
    Environment tst = config.environments().find("TST").orElseThrow();
    assertThat(config.environments().isLinearStep(dev, tst)).isTrue();
    assertThat(config.releasesFrom(dev)).isTrue();
    assertThat(config.releasesFrom(tst)).isFalse();
    assertThat(config.rollbackWindow().duration()).isEqualTo(Duration.ofHours(12));
    assertThat(config.versionService("tbd-test")).contains("frontend");
    assertThat(config.committer())
        .isEqualTo(new Committer("Release Bot", "release-bot@example.com"));
    assertThat(config.git()).isEqualTo(new GitSettings(Path.of("/var/cache/promotion"), 3));
    assertThat(config.httpPort()).isEqualTo(9090);
    assertThat(config.watchNamespaces()).containsExactly("releases", "team-a");
    assertThat(config.leaderElection())
        .isEqualTo(new LeaderElection(false, "promo-leader", "promotion-system"));
  }

  @Test
  void readsTheConnectionTimeoutsOfGitAndGitLab() {
    OperatorConfig config =
        parse(
            MINIMAL
                + """
        git: {connectTimeout: 10s, readTimeout: 2m}
        gitlab: {connectTimeout: PT0.5S, readTimeout: 1h}
        """);
    assertThat(config.git().timeouts())
        .isEqualTo(new ConnectionTimeouts(Duration.ofSeconds(10), Duration.ofMinutes(2)));
    assertThat(config.gitlabTimeouts())
        .isEqualTo(new ConnectionTimeouts(Duration.ofMillis(500), Duration.ofHours(1)));
  }

  @Test
  void fillsEveryDefaultFromAMinimalFile() {
    OperatorConfig config = parse(MINIMAL);
    RepositoryConfig repository = config.repository(null).orElseThrow();
    assertThat(repository.branch()).isEqualTo("main");
    assertThat(repository.workloadsDir()).isEqualTo("workloads");
    assertThat(repository.credentials()).isEmpty();
    assertThat(repository.gitlabProject()).isEmpty();
    assertThat(config.environments().all()).isEqualTo(EnvironmentCatalog.defaults().all());
    assertThat(config.environments().path())
        .extracting(Environment::name)
        .containsExactly("DEV", "TST", "STG", "PRD");
    assertThat(config.releaseFrom()).extracting(Environment::name).containsExactly("DEV");
    assertThat(config.rollbackWindow()).isEqualTo(RollbackWindow.DEFAULT);
    assertThat(config.rollbackWindow().duration()).isEqualTo(Duration.ofDays(7));
    assertThat(config.versionServices()).isEmpty();
    assertThat(config.committer()).isEqualTo(Committer.DEFAULT);
    assertThat(config.git()).isEqualTo(GitSettings.DEFAULT);
    assertThat(config.git().timeouts())
        .isEqualTo(new ConnectionTimeouts(Duration.ofSeconds(30), Duration.ofMinutes(5)));
    assertThat(config.gitlabTimeouts()).isEqualTo(ConnectionTimeouts.DEFAULT);
    assertThat(config.httpPort()).isEqualTo(8080);
    assertThat(config.watchesAllNamespaces()).isTrue();
    assertThat(config.leaderElection())
        .isEqualTo(new LeaderElection(true, "promotion-operator", null));
  }

  @Test
  void ownEnvironmentsMakeTheirOrderThePathAndDefaultDirAndTier() {
    OperatorConfig config =
        parse(
            MINIMAL
                + """
        environments:
          - {name: QA}
          - {name: LIVE, dir: live, tier: production}
        """);
    assertThat(config.environments().all())
        .containsExactly(
            new Environment("QA", "qa", "other"), new Environment("LIVE", "live", "production"));
    assertThat(config.environments().path())
        .extracting(Environment::name)
        .containsExactly("QA", "LIVE");
    assertThat(config.releaseFrom())
        .as("no DEV environment, so no release source by default")
        .isEmpty();
  }

  @Test
  void anEmptyPromotionPathAllowsOnlyForcedPromotions() {
    OperatorConfig config = parse(MINIMAL + "promotionPath: []\nreleaseFrom: []\n");
    assertThat(config.environments().path()).isEmpty();
    assertThat(config.releaseFrom()).isEmpty();
  }

  @Test
  void resourcesMustNameARepositoryWhenThereAreSeveral() {
    OperatorConfig config =
        parse(
            """
        repositories:
          - {name: argocd, url: https://git.example.com/argocd.git}
          - {name: payments, url: git@git.example.com:team/payments.git, branch: release/2025}
        """);
    assertThat(config.repository(null)).isEmpty();
    assertThat(config.repository(" ")).isEmpty();
    assertThat(config.repository("payments").map(RepositoryConfig::branch))
        .contains("release/2025");
    assertThat(config.repository("missing")).isEmpty();
  }

  @Test
  void theConfigurationIsImmutable() {
    OperatorConfig config = parse(MINIMAL + "versionServices: {tbd-test: frontend}\n");
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> config.repositories().clear())
        .isInstanceOf(UnsupportedOperationException.class);
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> config.versionServices().put("x", "y"))
        .isInstanceOf(UnsupportedOperationException.class);
    assertThat(config.versionServices()).isEqualTo(Map.of("tbd-test", "frontend"));
    assertThat(config.watchNamespaces()).isEqualTo(List.of());
  }
}
