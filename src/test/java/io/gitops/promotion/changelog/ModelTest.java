package io.gitops.promotion.changelog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ModelTest {

  @Test
  void changeKindsHaveKeepAChangelogHeadingsInRenderOrder() {
    assertThat(ChangeKind.values())
        .extracting(ChangeKind::heading)
        .containsExactly("Added", "Changed", "Fixed", "Removed");
  }

  @Test
  void missingCommitMessageReadsAsEmpty() {
    assertThat(new CommitMessage("abc", "feat: x", null, 1).message()).isEmpty();
  }

  @Test
  void applicationChangelogDoesNotShareTheCallersList() {
    List<ChangelogEntry> entries = new ArrayList<>();
    ApplicationChangelog changelog = new ApplicationChangelog("app", "1.0.0", "1.1.0", entries);

    entries.add(new ChangelogEntry(ChangeKind.ADDED, "late", false, null));

    assertThat(changelog.entries()).isEmpty();
  }

  @Test
  void entryWithoutKindIsRejected() {
    assertThatThrownBy(() -> new ChangelogEntry(null, "x", false, null))
        .isInstanceOf(NullPointerException.class)
        .hasMessage("kind");
  }
}
