package io.gitops.promotion.config;

import static io.gitops.promotion.config.ConfigProblemsTest.problems;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/** Gates per environment and the merge request settings of repositories and environments. */
class MergeRequestConfigTest {
  private static final String GITLAB_REPO =
      """
      repositories:
        - name: argocd
          url: https://git.example.com/argocd.git
          gitlab: {url: https://gitlab.example.com, projectId: "1234", tokenSecret: gitlab-token}
          mergeRequest:
            labels: [promotion]
            reviewers: [alice, bob]
            squash: true
            timeLimit: 72h
            pollInterval: 30s
      """;

  @Test
  void readsGatesAndMergeRequestSettingsAnEnvironmentsBlockReplacingTheRepositorys() {
    OperatorConfig config =
        new ConfigLoader()
            .parse(
                GITLAB_REPO
                    + """
        environments:
          - {name: DEV}
          - {name: TST, gate: push}
          - {name: STG, gate: mergeRequest}
          - name: PRD
            gate: mergeRequest
            mergeRequest: {reviewers: [carol], autoMerge: true, draft: true, removeSourceBranch: false}
        """,
                "operator.yaml");
    EnvironmentCatalog environments = config.environments();
    assertThat(environments.find("DEV").orElseThrow().gatedByMergeRequest()).isFalse();
    assertThat(environments.find("TST").orElseThrow().gatedByMergeRequest()).isFalse();
    Environment stg = environments.find("STG").orElseThrow();
    Environment prd = environments.find("PRD").orElseThrow();
    assertThat(stg.gatedByMergeRequest()).isTrue();
    RepositoryConfig repository = config.repository("argocd").orElseThrow();

    MergeRequestSettings intoStg = repository.mergeRequestInto(stg);
    assertThat(intoStg.labels()).containsExactly("promotion");
    assertThat(intoStg.reviewers()).containsExactly("alice", "bob");
    assertThat(intoStg.squash()).isTrue();
    assertThat(intoStg.removeSourceBranch()).isTrue();
    assertThat(intoStg.timeLimit()).isEqualTo(Duration.ofHours(72));
    assertThat(intoStg.pollInterval()).isEqualTo(Duration.ofSeconds(30));
    assertThat(intoStg.maxPollInterval()).isEqualTo(Duration.ofMinutes(2));

    MergeRequestSettings intoPrd = repository.mergeRequestInto(prd);
    assertThat(intoPrd.reviewers()).containsExactly("carol");
    assertThat(intoPrd.labels()).isEmpty();
    assertThat(intoPrd.autoMerge()).isTrue();
    assertThat(intoPrd.draft()).isTrue();
    assertThat(intoPrd.removeSourceBranch()).isFalse();
    assertThat(intoPrd.limit()).isEmpty();
  }

  @Test
  void pollingWaitsGrowFromTheIntervalToTheMaximum() {
    MergeRequestSettings settings = MergeRequestSettings.DEFAULT;
    assertThat(settings.pollAfter(0)).isEqualTo(Duration.ofSeconds(15));
    assertThat(settings.pollAfter(1)).isEqualTo(Duration.ofSeconds(30));
    assertThat(settings.pollAfter(2)).isEqualTo(Duration.ofSeconds(60));
    assertThat(settings.pollAfter(3)).isEqualTo(Duration.ofMinutes(2));
    assertThat(settings.pollAfter(50)).isEqualTo(Duration.ofMinutes(2));
  }

  @Test
  void aGatedEnvironmentNeedsTheRepositorysGitLabProject() {
    assertThat(
            problems(
                ConfigProblemsTest.REPO
                    + """
        environments:
          - {name: DEV}
          - {name: PRD, gate: mergeRequest}
        """))
        .containsExactly(
            "repositories: repository 'argocd' has no gitlab section, but PRD is gated by"
                + " mergeRequest, which needs the repository's GitLab project");
  }

  @Test
  void namesBadGatesAndSettings() {
    assertThat(
            problems(
                GITLAB_REPO
                    + """
        environments:
          - {name: DEV, gate: review}
          - name: PRD
            gate: mergeRequest
            mergeRequest: {timeLimit: soon, pollInterval: 2m, maxPollInterval: 1m, colour: red, labels: ["a,b"]}
        """))
        .containsExactlyInAnyOrder(
            "environments[0].gate: 'review' is not a gate; one of mergeRequest, push",
            "environments[1].mergeRequest.timeLimit: 'soon' is not a duration such as 30s, 15m or 72h",
            "environments[1].mergeRequest.maxPollInterval: must not be shorter than pollInterval",
            "environments[1].mergeRequest.colour: unknown key 'colour'; known keys: assignees, autoMerge, draft, "
                + "labels, maxPollInterval, pollInterval, removeSourceBranch, reviewers, squash, timeLimit",
            "environments[1].mergeRequest.labels: 'a,b' is not a name (no commas)");
  }
}
