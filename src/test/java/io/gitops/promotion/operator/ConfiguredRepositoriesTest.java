package io.gitops.promotion.operator;

import static org.assertj.core.api.Assertions.assertThat;

import io.gitops.promotion.config.ConfigLoader;
import io.gitops.promotion.config.ConnectionTimeouts;
import io.gitops.promotion.config.OperatorConfig;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The operator's repositories are reached under the configured connection limits. */
class ConfiguredRepositoriesTest {
  @Test
  void aRepositoryIsReachedWithTheConfiguredGitTimeouts() {
    OperatorConfig config =
        new ConfigLoader()
            .parse(
                """
        repositories:
          - {name: argocd, url: https://git.example.com/devops/argocd.git}
        git: {connectTimeout: 7s, readTimeout: 2m}
        """,
                "operator.yaml");

    // no credentials Secret and no GitLab project: nothing is read from the cluster
    var repository = new ConfiguredRepositories(config, null, "promotion-system").resolve("argocd");

    assertThat(repository.remote().timeouts())
        .isEqualTo(new ConnectionTimeouts(Duration.ofSeconds(7), Duration.ofMinutes(2)));
  }
}
