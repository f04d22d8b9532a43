package io.gitops.promotion.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Each invalid configuration names the key and the problem; all problems come in one exception. */
class ConfigProblemsTest {
  static List<String> problems(String yaml) {
    ConfigException e =
        catchThrowableOfType(
            ConfigException.class, () -> new ConfigLoader().parse(yaml, "operator.yaml"));
    assertThat(e).as("expected the configuration to be rejected").isNotNull();
    assertThat(e.getMessage()).startsWith("invalid operator configuration operator.yaml:\n  - ");
    return e.problems();
  }

  static final String REPO =
      "repositories: [{name: argocd, url: https://git.example.com/argocd.git}]\n";

  @Test
  void reportsEveryProblemAtOnce() {
    List<String> problems =
        problems(
            """
        repositories:
          - {name: argocd}
          - {name: argocd, url: https://git.example.com/a.git}
        releaseFrom: [QA]
        promotionPath: [DEV, TST, UAT]
        rollbackWindow: 1 week
        environments:
          - {name: DEV, dir: ../dev}
          - {name: TST}
          - {name: STG}
          - {name: PRD}
        colour: blue
        """);
    assertThat(problems)
        .containsExactlyInAnyOrder(
            "repositories[0].url: is required",
            "repositories[1].name: duplicate repository name 'argocd'",
            "releaseFrom[0]: unknown environment 'QA'; known: DEV, TST, STG, PRD",
            "promotionPath[2]: unknown environment 'UAT'; known: DEV, TST, STG, PRD",
            "rollbackWindow: '1 week' is not a duration; write e.g. 7d, 12h, 30m, P7D, or 0 for no limit",
            "environments[0].dir: '../dev' is not a plain directory name (one path segment, no '..')",
            "colour: unknown key 'colour'; known keys: committer, environments, freezeWindows, git, gitlab, httpPort, "
                + "leaderElection, logging, minSoak, promotionPath, releaseFrom, repositories, repositoryLeases, rollbackWindow, "
                + "versionServices, "
                + "watchNamespaces, webhook");
  }

  @Test
  void requiresARepository() {
    assertThat(problems("rollbackWindow: 7d\n"))
        .containsExactly("repositories: at least one repository is required");
    assertThat(problems("repositories: []\n"))
        .containsExactly("repositories: at least one repository is required");
    assertThat(problems("repositories: argocd\n")).containsExactly("repositories: must be a list");
    assertThat(problems("")).containsExactly("repositories: at least one repository is required");
  }

  @Test
  void rejectsUnknownKeysAtEveryLevelByName() {
    assertThat(
            problems(
                """
        repositories:
          - name: argocd
            url: https://git.example.com/argocd.git
            brnach: main
            gitlab: {url: https://gitlab.example.com, projectId: 1, tokenSecret: t, token: s3cr3t}
        git: {cacheDir: /tmp/x, retries: 3}
        """))
        .containsExactlyInAnyOrder(
            "repositories[0].brnach: unknown key 'brnach'; known keys: branch, credentialsSecret, gitlab, layout, mergeRequest, name, notifications, url, verification, workloadsDir",
            "repositories[0].gitlab.token: unknown key 'token'; known keys: projectId, tokenSecret, url",
            "git.retries: unknown key 'retries'; known keys: cacheDir, connectTimeout, maxBatch, maxPushAttempts, pushRetryBudget, readTimeout");
  }

  @Test
  void keepsCredentialsOutOfTheFile() {
    assertThat(
            problems(
                "repositories: [{name: argocd, url: 'https://bot:glpat-123@git.example.com/a.git'}]\n"))
        .containsExactly(
            "repositories[0].url: must not contain credentials; put them in the Secret named by credentialsSecret");
  }

  @Test
  void checksNamesOfRepositoriesSecretsAndBranches() {
    assertThat(
            problems(
                """
        repositories:
          - {name: a/b, url: u, branch: 'feature..x', workloadsDir: /abs, credentialsSecret: Argo_Git}
          - {name: c, url: u, gitlab: {url: gitlab.example.com}, layout: flat,
             verification: {namespace: Argo_CD, applicationName: "{group}-{app}", selector: "env={env}", timeout: soon}}
        """))
        .containsExactlyInAnyOrder(
            "repositories[1].verification.namespace: 'Argo_CD' is not a namespace name",
            "repositories[1].verification.applicationName: give either applicationName (a template with {group},"
                + " {service}, {env}) or selector (a label selector with {group}, {env})",
            "repositories[1].verification.applicationName: '{group}-{app}' has an unknown placeholder; known: {group},"
                + " {service}, {env}",
            "repositories[1].verification.timeout: 'soon' is not a duration such as 15m or 1h",
            "repositories[1].layout: 'flat' is not a layout; known layouts: argocdApplication, helmValues, kustomize, overlays",
            "repositories[0].name: 'a/b' is not a plain name (letters, digits, '.', '_', '-')",
            "repositories[0].branch: 'feature..x' is not a branch name",
            "repositories[0].workloadsDir: '/abs' is not a relative directory of plain names",
            "repositories[0].credentialsSecret: 'Argo_Git' is not a Secret name (lowercase DNS subdomain)",
            "repositories[1].gitlab.url: 'gitlab.example.com' is not an http(s) URL",
            "repositories[1].gitlab.projectId: is required",
            "repositories[1].gitlab.tokenSecret: is required");
  }

  @Test
  void checksEnvironments() {
    assertThat(
            problems(
                REPO
                    + """
        environments:
          - {name: DEV}
          - {name: dev}
          - {name: 1ST}
          - {name: QA, tier: acceptance}
        promotionPath: [DEV, DEV]
        """))
        .containsExactlyInAnyOrder(
            "environments[1].name: duplicate environment 'dev'",
            "environments[2].name: '1ST' is not an environment name (a letter, then up to 15 letters or digits)",
            "environments[3].tier: 'acceptance' is not a GitLab deployment tier; one of development, other, production, staging, testing",
            "promotionPath[1]: environment 'DEV' is listed twice");
    assertThat(problems(REPO + "environments: []\n"))
        .containsExactly(
            "environments: must list at least one environment (or be left out for the defaults)");
  }

  @Test
  void checksFreezeWindowsAndSoakTimes() {
    assertThat(
            problems(
                REPO
                    + """
        freezeWindows:
          - {name: weekend, schedule: "0 18 * * FRI", duration: 62h, timeZone: Europe/Berlin, environments: [PRD]}
          - {name: weekend, kind: maybe, schedule: "every friday", duration: soon, timeZone: Mars/Olympus, environments: [QA]}
          - {name: office, kind: allow, schedule: "0 9 * * 1-5", duration: 8h}
        minSoak: {DEV: 30m, STG: forever, QA: 1h}
        """))
        .containsExactlyInAnyOrder(
            "freezeWindows[1].name: duplicate window name 'weekend'",
            "freezeWindows[1].kind: 'maybe' is neither deny nor allow",
            "freezeWindows[1].schedule: 'every friday' is not a cron schedule (minute hour day-of-month month"
                + " day-of-week): Cron expression contains 2 parts but we expect one of [5]",
            "freezeWindows[1].duration: 'soon' is not a duration such as 30m, 62h or 1d",
            "freezeWindows[1].timeZone: 'Mars/Olympus' is not a time zone (e.g. UTC, Europe/Berlin)",
            "freezeWindows[1].environments: 'QA' is not a configured environment",
            "freezeWindows[2].environments: at least one environment is required",
            "minSoak.STG: 'forever' is not a duration such as 30m, 24h or 7d",
            "minSoak.QA: 'QA' is not a configured environment");
  }

  @Test
  void checksTheSmallSettings() {
    assertThat(
            problems(
                REPO
                    + """
        httpPort: 70000
        committer: {email: not-an-address}
        git: {cacheDir: relative/dir, maxPushAttempts: 0, pushRetryBudget: soon, maxBatch: 0}
        watchNamespaces: [Team_A, releases, releases]
        leaderElection: {enabled: maybe}
        versionServices: {tbd-test: ../frontend}
        rollbackWindow: -1d
        """))
        .containsExactlyInAnyOrder(
            "httpPort: 70000 is not a port (1-65535)",
            "committer.email: 'not-an-address' is not an email address",
            "git.cacheDir: 'relative/dir' must be an absolute path",
            "git.maxPushAttempts: 0 is out of range 1-1000",
            "git.pushRetryBudget: 'soon' is not a duration such as 60s, 5m or 1h",
            "git.maxBatch: 0 is out of range 1-500",
            "watchNamespaces[0]: 'Team_A' is not a namespace name",
            "watchNamespaces[2]: namespace 'releases' is listed twice",
            "leaderElection.enabled: must be true or false",
            "versionServices.tbd-test: '../frontend' is not a plain service name",
            "rollbackWindow: '-1d' is not a duration; write e.g. 7d, 12h, 30m, P7D, or 0 for no limit");
  }

  @Test
  void reportsWrongTypesAndBrokenYaml() {
    assertThat(problems(REPO + "httpPort: '8080'\nreleaseFrom: DEV\n"))
        .containsExactlyInAnyOrder(
            "httpPort: must be a whole number", "releaseFrom: must be a list");
    assertThat(problems("- just\n- a list\n"))
        .contains("the file must be a YAML mapping of keys to values");
    assertThat(problems("repositories: [\n"))
        .singleElement()
        .asString()
        .startsWith("not valid YAML: ");
    assertThat(problems(REPO + "httpPort: 1\nhttpPort: 2\n"))
        .singleElement()
        .asString()
        .startsWith("not valid YAML: ");
  }

  @Test
  void reportsAnUnreadableFile() {
    ConfigException e =
        catchThrowableOfType(
            ConfigException.class,
            () -> new ConfigLoader().load(Path.of("/nonexistent/operator.yaml")));
    assertThat(e.problems()).singleElement().asString().startsWith("cannot read the file: ");
  }

  @Test
  void checksConnectionTimeoutsOfGitAndGitLab() {
    assertThat(
            problems(
                REPO
                    + "git: {connectTimeout: 0, readTimeout: soon}\ngitlab: {readTimeout: -5s, timeout: 1s}\n"))
        .containsExactlyInAnyOrder(
            "git.connectTimeout: '0' is not a positive duration such as 30s or 5m",
            "git.readTimeout: 'soon' is not a positive duration such as 30s or 5m",
            "gitlab.readTimeout: '-5s' is not a positive duration such as 30s or 5m",
            "gitlab.timeout: unknown key 'timeout'; known keys: connectTimeout, readTimeout");
  }
}
