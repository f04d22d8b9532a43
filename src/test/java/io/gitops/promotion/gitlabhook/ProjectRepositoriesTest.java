package io.gitops.promotion.gitlabhook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Which configured repositories, and which of their requests, an event names. */
class ProjectRepositoriesTest {
  private final ProjectRepositories projects = new ProjectRepositories(configured());

  private static Map<String, String> configured() {
    Map<String, String> map = new LinkedHashMap<>();
    map.put("argocd", "1234");
    map.put("apps", "Platform/Apps");
    map.put("argocd-mirror", "1234");
    return map;
  }

  @Test
  void aProjectConfiguredByIdIsMatchedByIdAndOneByPathByPathIgnoringCase() {
    assertThat(projects.holding(new MergeRequestRef("1234", "devops/argocd", 7L, null)))
        .containsExactly("argocd", "argocd-mirror");
    assertThat(projects.holding(new MergeRequestRef("55", "platform/apps", 7L, null)))
        .containsExactly("apps");
    assertThat(projects.holding(new MergeRequestRef(null, "platform/apps", 7L, null)))
        .containsExactly("apps");
  }

  @Test
  void anotherProjectIsNoneOfOurs() {
    assertThat(projects.holding(new MergeRequestRef("4321", "devops/other", 7L, null))).isEmpty();
    assertThat(projects.holding(new MergeRequestRef(null, "1234", 7L, null)))
        .as("a path is never taken for an id")
        .isEmpty();
  }

  @Test
  void aRequestIsNamedByItsIidOrWithoutOneByItsSourceBranch() {
    MergeRequestRef byIid = new MergeRequestRef("1234", null, 7L, "promotion/prd/a/1");
    assertThat(byIid.names(7L, "promotion/prd/a/1")).isTrue();
    assertThat(byIid.names(8L, "promotion/prd/a/1")).as("the iid decides").isFalse();

    MergeRequestRef byBranch = new MergeRequestRef("1234", null, null, "promotion/prd/a/1");
    assertThat(byBranch.names(3L, "promotion/prd/a/1")).isTrue();
    assertThat(byBranch.names(3L, "promotion/prd/b/2")).isFalse();
  }

  @Test
  void aReferenceNeedsAProjectAndARequest() {
    assertThatThrownBy(() -> new MergeRequestRef(null, null, 7L, null))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new MergeRequestRef("1", null, null, null))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
