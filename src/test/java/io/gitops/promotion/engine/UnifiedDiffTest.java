package io.gitops.promotion.engine;

import static org.assertj.core.api.Assertions.assertThat;

import io.gitops.promotion.api.PromotionStatus;
import io.gitops.promotion.api.RunStatus;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class UnifiedDiffTest {

  @Test
  void formatsEachFileAsGitDoes() {
    UnifiedDiff diff =
        UnifiedDiff.of(
            List.of(
                new FileEdit(
                    "a/values.yaml",
                    "x: 1\ntag: \"1.0.0\"\ny: 2\n",
                    "x: 1\ntag: \"1.1.0\"\ny: 2\n"),
                new FileEdit("b/values.yaml", "tag: 2.0.0\n", "tag: 2.1.0\n")));

    assertThat(diff.text())
        .isEqualTo(
            """
            --- a/a/values.yaml
            +++ b/a/values.yaml
            @@ -1,3 +1,3 @@
             x: 1
            -tag: "1.0.0"
            +tag: "1.1.0"
             y: 2
            --- a/b/values.yaml
            +++ b/b/values.yaml
            @@ -1 +1 @@
            -tag: 2.0.0
            +tag: 2.1.0
            """);
  }

  @Test
  void aPrefixFormatsOnlyTheFilesItNeeds() {
    UnifiedDiff diff = UnifiedDiff.of(edits(500));
    String whole = UnifiedDiff.of(edits(500)).text();

    String prefix = diff.prefix(1_000);

    assertThat(whole).startsWith(prefix);
    assertThat(prefix.length()).isGreaterThanOrEqualTo(1_000).isLessThan(whole.length() / 10);
    assertThat(prefix).endsWith("\n");
    assertThat(UnifiedDiff.of(edits(3)).prefix(1_000_000))
        .isEqualTo(UnifiedDiff.of(edits(3)).text());
  }

  @Test
  void aStatusCutFromThePrefixIsTheCutOfTheWholeDiff() {
    for (int files : new int[] {1, 50, 149, 150, 151, 500}) {
      RunStatus fromWhole = new PromotionStatus();
      fromWhole.setBoundedDiff(UnifiedDiff.of(edits(files)).text());
      RunStatus fromPrefix = new PromotionStatus();
      fromPrefix.setBoundedDiff(UnifiedDiff.of(edits(files)).prefix(RunStatus.MAX_DIFF_CHARS + 1));

      assertThat(fromPrefix.getDiff()).as("%d files", files).isEqualTo(fromWhole.getDiff());
      assertThat(fromPrefix.getDiffTruncated()).isEqualTo(fromWhole.getDiffTruncated());
    }
  }

  private static List<FileEdit> edits(int files) {
    List<FileEdit> edits = new ArrayList<>();
    for (int i = 0; i < files; i++) {
      String path = "workloads/shop/svc-" + i + "/overlays/tst/values.yaml";
      String before =
          "applications:\n  - name: svc-" + i + "\n    image:\n      tag: \"1.0." + i + "\"\n";
      edits.add(new FileEdit(path, before, before.replace("1.0." + i, "1.1." + i)));
    }
    return edits;
  }
}
