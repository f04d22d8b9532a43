package io.gitops.promotion.gitlabhook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The merge request a GitLab event is about, read from bodies shaped as GitLab documents them. */
class HookPayloadTest {
  private static final String BRANCH = "promotion/prd/tbd-test/1a2b3c4d";

  static byte[] sample(String name) {
    try (InputStream in = HookPayloadTest.class.getResourceAsStream("/gitlabhook/" + name)) {
      return in.readAllBytes();
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  private static Optional<MergeRequestRef> read(HookKind kind, String json) {
    return HookPayload.mergeRequestOf(kind, json.getBytes(StandardCharsets.UTF_8));
  }

  @Test
  void aMergeRequestEventNamesItsRequestAndTargetProject() {
    assertThat(
            HookPayload.mergeRequestOf(HookKind.MERGE_REQUEST, sample("merge-request-merged.json")))
        .contains(new MergeRequestRef("1234", "devops/argocd", 7L, BRANCH));
  }

  @Test
  void aPipelineOfAMergeRequestNamesTheRequestNotThePipelinesOwnIid() {
    assertThat(
            HookPayload.mergeRequestOf(HookKind.PIPELINE, sample("pipeline-of-merge-request.json")))
        .contains(new MergeRequestRef("1234", "devops/argocd", 7L, BRANCH));
  }

  @Test
  void aBranchPipelineNamesTheRequestByItsSourceBranch() {
    assertThat(HookPayload.mergeRequestOf(HookKind.PIPELINE, sample("pipeline-of-branch.json")))
        .contains(new MergeRequestRef("1234", "devops/argocd", null, BRANCH));
  }

  @Test
  void aCommentOnAMergeRequestNamesIt() {
    assertThat(HookPayload.mergeRequestOf(HookKind.NOTE, sample("note-on-merge-request.json")))
        .contains(new MergeRequestRef("1234", "devops/argocd", 7L, BRANCH));
  }

  @Test
  void tagPipelinesCommentsOnCommitsAndOtherEventsNameNoRequest() {
    assertThat(HookPayload.mergeRequestOf(HookKind.PIPELINE, sample("pipeline-of-tag.json")))
        .isEmpty();
    assertThat(HookPayload.mergeRequestOf(HookKind.NOTE, sample("note-on-commit.json"))).isEmpty();
    assertThat(HookPayload.mergeRequestOf(HookKind.OTHER, sample("merge-request-merged.json")))
        .isEmpty();
  }

  @Test
  void aPipelineInAForkKeepsTheRequestsProjectAndDropsTheForksPath() {
    String json =
        """
        {"object_kind": "pipeline",
         "object_attributes": {"id": 1, "ref": "refs/merge-requests/7/head", "tag": false},
         "merge_request": {"iid": 7, "source_branch": "fix", "target_project_id": 1234},
         "project": {"id": 99, "path_with_namespace": "someone/argocd-fork"}}
        """;

    assertThat(read(HookKind.PIPELINE, json))
        .contains(new MergeRequestRef("1234", null, 7L, "fix"));
  }

  @Test
  void refusesBodiesThatAreNotTheJsonOfTheirEvent() {
    assertThatThrownBy(() -> read(HookKind.MERGE_REQUEST, "{not json"))
        .isInstanceOf(MalformedHookException.class)
        .hasMessage("the body is not JSON");
    assertThatThrownBy(() -> read(HookKind.MERGE_REQUEST, "[1, 2]"))
        .hasMessage("the body is not a JSON object");
    assertThatThrownBy(() -> read(HookKind.MERGE_REQUEST, ""))
        .hasMessage("the body is not a JSON object");
    assertThatThrownBy(() -> read(HookKind.MERGE_REQUEST, "{\"project\": {\"id\": 1}}"))
        .hasMessage("a merge_request event without object_attributes");
    assertThatThrownBy(
            () ->
                read(
                    HookKind.MERGE_REQUEST,
                    "{\"project\": {\"id\": 1}, \"object_attributes\": {\"iid\": \"7\"}}"))
        .hasMessage("the merge request has no iid");
    assertThatThrownBy(() -> read(HookKind.MERGE_REQUEST, "{\"object_attributes\": {\"iid\": 7}}"))
        .hasMessage("the event names no project (project.id)");
    assertThatThrownBy(
            () ->
                read(
                    HookKind.NOTE,
                    "{\"project\": {\"id\": 1},"
                        + " \"object_attributes\": {\"noteable_type\": \"MergeRequest\"}}"))
        .hasMessage("a note event without merge_request");
  }
}
