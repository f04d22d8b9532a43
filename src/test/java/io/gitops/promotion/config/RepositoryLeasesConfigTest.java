package io.gitops.promotion.config;

import static io.gitops.promotion.config.ConfigProblemsTest.problems;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/** {@code repositoryLeases}: replicas sharing repositories, instead of one leader. */
class RepositoryLeasesConfigTest {
  private static final String TWO =
      """
      repositories:
        - {name: argocd, url: https://git.example.com/argocd.git}
        - {name: team_b.apps, url: https://git.example.com/b.git}
      """;

  @Test
  void offByDefaultWithTheSingleLeaderElectionOn() {
    OperatorConfig config = new ConfigLoader().parse(TWO, "operator.yaml");

    assertThat(config.repositoryLeases().enabled()).isFalse();
    assertThat(config.leaderElection().enabled()).isTrue();
  }

  @Test
  void enablingItTurnsLeaderElectionOffAndTakesTheDefaultTimes() {
    OperatorConfig config =
        new ConfigLoader().parse(TWO + "repositoryLeases: {enabled: true}\n", "operator.yaml");

    assertThat(config.repositoryLeases())
        .isEqualTo(
            new RepositoryLeaseSettings(
                true, Duration.ofSeconds(15), Duration.ofSeconds(10), Duration.ofSeconds(2)));
    assertThat(config.leaderElection().enabled()).isFalse();
    assertThat(RepositoryLeaseSettings.leaseName("team_b.apps"))
        .isEqualTo("promotion-repo-team-b-apps");
  }

  @Test
  void readsTheTimes() {
    OperatorConfig config =
        new ConfigLoader()
            .parse(
                TWO + "repositoryLeases: {duration: 30s, renewDeadline: 20s, retryPeriod: 5s}\n",
                "operator.yaml");

    assertThat(config.repositoryLeases())
        .isEqualTo(
            new RepositoryLeaseSettings(
                true, Duration.ofSeconds(30), Duration.ofSeconds(20), Duration.ofSeconds(5)));
  }

  @Test
  void refusesTimesThatWouldLetTwoReplicasWriteAndBothElections() {
    assertThat(
            problems(
                TWO
                    + """
        repositoryLeases: {duration: 10s, renewDeadline: 10s, retryPeriod: 12s}
        leaderElection: {enabled: true}
        """))
        .containsExactlyInAnyOrder(
            "repositoryLeases.renewDeadline: 10s must be shorter than duration (10s): a holder stops writing before "
                + "anyone else may take the repository",
            "repositoryLeases.retryPeriod: 12s must be shorter than renewDeadline (10s)",
            "leaderElection.enabled: must be false when repositoryLeases is enabled: every replica works, each on the "
                + "repositories whose Lease it holds");
    assertThat(problems(TWO + "repositoryLeases: {duration: 1500ms}\n"))
        .containsExactly(
            "repositoryLeases.duration: '1500ms' is not a whole number of seconds such as 15s or 1m");
  }

  @Test
  void refusesRepositoriesThatWouldShareALease() {
    assertThat(
            problems(
                """
        repositories:
          - {name: team.a, url: https://git.example.com/a.git}
          - {name: team_a, url: https://git.example.com/b.git}
        repositoryLeases: {enabled: true}
        """))
        .containsExactly(
            "repositories: repositories 'team.a' and 'team_a' would share the Lease promotion-repo-team-a");
  }
}
