package io.gitops.promotion.gitlab;

import java.util.List;

/**
 * A merge request to open.
 *
 * @param reviewerIds user ids (usernames resolved before)
 * @param assigneeIds user ids
 * @param draft when true the title is prefixed {@code Draft: }, as GitLab marks drafts
 */
public record MergeRequestDraft(
    String sourceBranch,
    String targetBranch,
    String title,
    String description,
    List<String> labels,
    List<Long> reviewerIds,
    List<Long> assigneeIds,
    boolean squash,
    boolean removeSourceBranch,
    boolean draft) {
  /** The prefix of a draft's title, as GitLab marks drafts. */
  public static final String DRAFT = "Draft: ";

  public MergeRequestDraft {
    labels = List.copyOf(labels);
    reviewerIds = List.copyOf(reviewerIds);
    assigneeIds = List.copyOf(assigneeIds);
  }

  /** The title GitLab is sent: a draft's carries GitLab's {@code Draft: } prefix. */
  public String sentTitle() {
    return draft ? DRAFT + title : title;
  }
}
