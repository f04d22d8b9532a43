package io.gitops.promotion.gitlabhook;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The configured repositories by their GitLab project (a numeric id or a {@code group/path}). */
public final class ProjectRepositories {
  private final Map<String, String> projectByRepository;

  /**
   * @param projectByRepository repository name -> its GitLab project id or path
   */
  public ProjectRepositories(Map<String, String> projectByRepository) {
    this.projectByRepository = new LinkedHashMap<>(projectByRepository);
  }

  /** The repositories whose project holds the request; none when it is no project of ours. */
  public List<String> holding(MergeRequestRef mergeRequest) {
    return projectByRepository.entrySet().stream()
        .filter(e -> mergeRequest.inProject(e.getValue()))
        .map(Map.Entry::getKey)
        .toList();
  }
}
