package io.gitops.promotion.gitlab;

/** The GitLab calls the adapter makes; a low-cardinality name for messages and metrics. */
public enum GitLabOperation {
  GET_TAG("get tag"),
  CREATE_TAG("create tag"),
  GET_RELEASE("get release"),
  CREATE_RELEASE("create release"),
  COMPARE("compare"),
  LIST_ENVIRONMENTS("list environments"),
  CREATE_ENVIRONMENT("create environment"),
  UPDATE_ENVIRONMENT("update environment"),
  LIST_DEPLOYMENTS("list deployments"),
  CREATE_DEPLOYMENT("create deployment"),
  LIST_MERGE_REQUESTS("list merge requests"),
  CREATE_MERGE_REQUEST("create merge request"),
  GET_MERGE_REQUEST("get merge request"),
  GET_APPROVALS("get merge request approvals"),
  CLOSE_MERGE_REQUEST("close merge request"),
  UPDATE_MERGE_REQUEST("update merge request"),
  AUTO_MERGE("set merge request to auto-merge"),
  COMMENT_MERGE_REQUEST("comment on merge request"),
  DELETE_BRANCH("delete branch"),
  FIND_USER("find user");

  private final String description;

  GitLabOperation(String description) {
    this.description = description;
  }

  /** Lower-case words for messages, e.g. {@code create tag}. */
  public String description() {
    return description;
  }
}
