package io.gitops.promotion.config;

import io.gitops.promotion.layout.LayoutSettings;
import java.util.List;
import java.util.Optional;

/**
 * A GitOps repository the operator may promote in, referenced by {@code name} from resources.
 * Credentials are never here: {@code credentialsSecret} names the Secret in the operator namespace
 * that holds them ({@code username}/{@code password}, {@code token}, or {@code ssh-privatekey} +
 * {@code known_hosts}).
 *
 * @param credentialsSecret null for a repository that needs none (a local path in tests)
 * @param gitlab null when releases and deployments are not recorded in GitLab
 * @param layout the repository layout (the edits seam) as configured, {@code overlays} by default
 * @param verification where the Argo CD Applications are found, null when promotions are not
 *     verified
 * @param notifications webhooks told about the phase transitions of the repository's runs
 * @param mergeRequest how merge requests into its gated environments are opened and followed
 */
public record RepositoryConfig(
    String name,
    String url,
    String branch,
    String workloadsDir,
    String credentialsSecret,
    GitLabConfig gitlab,
    LayoutSettings layout,
    VerificationConfig verification,
    List<NotificationConfig> notifications,
    MergeRequestSettings mergeRequest) {
  public static final String DEFAULT_BRANCH = "main";
  public static final String DEFAULT_WORKLOADS_DIR = "workloads";
  public static final String DEFAULT_LAYOUT = "overlays";

  /**
   * A repository with the default layout and no verification, notifications or merge request
   * settings.
   */
  public RepositoryConfig(
      String name,
      String url,
      String branch,
      String workloadsDir,
      String credentialsSecret,
      GitLabConfig gitlab) {
    this(
        name,
        url,
        branch,
        workloadsDir,
        credentialsSecret,
        gitlab,
        LayoutSettings.of(DEFAULT_LAYOUT),
        null,
        List.of(),
        null);
  }

  public RepositoryConfig {
    notifications = List.copyOf(notifications);
    mergeRequest = mergeRequest == null ? MergeRequestSettings.DEFAULT : mergeRequest;
  }

  /**
   * The merge request settings for a gated environment: the environment's own, else the
   * repository's.
   */
  public MergeRequestSettings mergeRequestInto(Environment target) {
    return target.mergeRequest() != null ? target.mergeRequest() : mergeRequest;
  }

  public Optional<VerificationConfig> verificationConfig() {
    return Optional.ofNullable(verification);
  }

  public Optional<String> credentials() {
    return Optional.ofNullable(credentialsSecret);
  }

  public Optional<GitLabConfig> gitlabProject() {
    return Optional.ofNullable(gitlab);
  }
}
