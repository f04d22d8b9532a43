package io.gitops.promotion.gitlabhook;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.Optional;

/**
 * Reads from a GitLab event's JSON body the merge request it is about (GitLab's "Webhook events"
 * documentation): a merge request event's {@code object_attributes}, a pipeline's {@code
 * merge_request} (or, for a branch pipeline, its {@code ref} as the source branch), a comment's
 * {@code merge_request}. The project is the request's target project.
 */
public final class HookPayload {
  private static final ObjectMapper JSON = new ObjectMapper();

  private HookPayload() {}

  /**
   * @return empty when the event is about no merge request (a tag pipeline, a comment on a commit,
   *     an event of another kind)
   * @throws MalformedHookException when the body is not JSON or lacks what its kind must hold
   */
  public static Optional<MergeRequestRef> mergeRequestOf(HookKind kind, byte[] body) {
    JsonNode root = parse(body);
    return switch (kind) {
      case MERGE_REQUEST -> Optional.of(request(root, field(root, "object_attributes", kind)));
      case PIPELINE -> pipeline(root);
      case NOTE -> note(root);
      case OTHER -> Optional.empty();
    };
  }

  private static Optional<MergeRequestRef> pipeline(JsonNode root) {
    JsonNode mergeRequest = root.path("merge_request");
    if (mergeRequest.isObject()) {
      return Optional.of(request(root, mergeRequest));
    }
    JsonNode attributes = field(root, "object_attributes", HookKind.PIPELINE);
    if (attributes.path("tag").asBoolean(false) || !attributes.path("ref").isTextual()) {
      return Optional.empty();
    }
    return Optional.of(
        new MergeRequestRef(
            projectId(root, null), projectPath(root, null), null, attributes.get("ref").asText()));
  }

  private static Optional<MergeRequestRef> note(JsonNode root) {
    JsonNode attributes = field(root, "object_attributes", HookKind.NOTE);
    if (!"MergeRequest".equals(attributes.path("noteable_type").asText())) {
      return Optional.empty();
    }
    return Optional.of(request(root, field(root, "merge_request", HookKind.NOTE)));
  }

  /** A merge request object: its iid, source branch and target project. */
  private static MergeRequestRef request(JsonNode root, JsonNode mergeRequest) {
    JsonNode iid = mergeRequest.path("iid");
    if (!iid.canConvertToLong() || !iid.isIntegralNumber()) {
      throw new MalformedHookException("the merge request has no iid");
    }
    JsonNode target = mergeRequest.path("target_project_id");
    String targetId = target.isIntegralNumber() ? target.asText() : null;
    JsonNode branch = mergeRequest.path("source_branch");
    return new MergeRequestRef(
        projectId(root, targetId),
        projectPath(root, targetId),
        iid.asLong(),
        branch.isTextual() ? branch.asText() : null);
  }

  /** The target project's id: the request's own, else the event's project. */
  private static String projectId(JsonNode root, String targetId) {
    if (targetId != null) {
      return targetId;
    }
    JsonNode id = root.path("project").path("id");
    if (id.isIntegralNumber()) {
      return id.asText();
    }
    if (projectPath(root, null) == null) {
      throw new MalformedHookException("the event names no project (project.id)");
    }
    return null;
  }

  /** The event's project path, when the event's project is the request's target project. */
  private static String projectPath(JsonNode root, String targetId) {
    JsonNode project = root.path("project");
    if (targetId != null && !targetId.equals(project.path("id").asText())) {
      return null; // e.g. a pipeline in a fork: its project is not the request's
    }
    JsonNode path = project.path("path_with_namespace");
    return path.isTextual() && !path.asText().isBlank() ? path.asText() : null;
  }

  private static JsonNode field(JsonNode root, String name, HookKind kind) {
    JsonNode node = root.path(name);
    if (!node.isObject()) {
      throw new MalformedHookException("a " + kind.label() + " event without " + name);
    }
    return node;
  }

  private static JsonNode parse(byte[] body) {
    JsonNode root;
    try {
      root = JSON.readTree(body);
    } catch (IOException e) {
      throw new MalformedHookException("the body is not JSON");
    }
    if (root == null || !root.isObject()) {
      throw new MalformedHookException("the body is not a JSON object");
    }
    return root;
  }
}
