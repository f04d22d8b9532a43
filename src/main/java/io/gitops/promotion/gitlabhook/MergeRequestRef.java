package io.gitops.promotion.gitlabhook;

import java.util.Objects;

/**
 * The merge request a GitLab event is about, as the event names it: by number ({@code iid}) when it
 * knows it, otherwise by its source branch (a branch pipeline of the request's branch).
 *
 * @param projectId the project's numeric id, null when the event has none
 * @param projectPath {@code group/project}, null when the event has none
 * @param iid the request's number in the project, or null
 * @param sourceBranch the request's source branch, or null
 */
public record MergeRequestRef(String projectId, String projectPath, Long iid, String sourceBranch) {
  public MergeRequestRef {
    if (projectId == null && projectPath == null) {
      throw new IllegalArgumentException("a merge request needs its project's id or path");
    }
    if (iid == null && sourceBranch == null) {
      throw new IllegalArgumentException("a merge request needs its iid or source branch");
    }
  }

  /** Whether this is the request with that number and source branch (within the same project). */
  public boolean names(Long requestIid, String requestSourceBranch) {
    if (iid != null) {
      return iid.equals(requestIid);
    }
    return Objects.equals(sourceBranch, requestSourceBranch);
  }

  /**
   * Whether this is in the project configured as {@code idOrPath}: a number is an id, anything else
   * a {@code group/project} path (GitLab matches paths ignoring case).
   */
  public boolean inProject(String idOrPath) {
    if (idOrPath == null) {
      return false;
    }
    return idOrPath.chars().allMatch(Character::isDigit)
        ? idOrPath.equals(projectId)
        : idOrPath.equalsIgnoreCase(projectPath);
  }
}
