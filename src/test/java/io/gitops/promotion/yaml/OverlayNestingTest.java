package io.gitops.promotion.yaml;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** Overlays nested deeper than any real one are refused with a place, not a stack overflow. */
class OverlayNestingTest {

  @Test
  void refusesThreeThousandNestedFlowSequencesNamingTheLine() {
    String text = "applications: []\nhostile: " + "[".repeat(3000) + "]".repeat(3000) + "\n";
    // The root mapping is the first level, so the 64th bracket (column 10 + 63) is one too many.

    assertThatThrownBy(() -> OverlayFile.parse(text))
        .isInstanceOf(OverlayFormatException.class)
        .hasMessageStartingWith("line 2, column 73: ")
        .hasMessageContaining("nested more than 64 levels deep");
  }

  @Test
  void refusesThreeThousandNestedBlockMappingsNamingTheLine() {
    StringBuilder text = new StringBuilder("applications: []\n");
    for (int level = 0; level < 3000; level++) {
      text.append(" ".repeat(level)).append("k").append(level).append(":\n");
    }

    assertThatThrownBy(() -> OverlayFile.parse(text.toString()))
        .isInstanceOf(OverlayFormatException.class)
        // The root is level 1 and the value of k{i} (line i + 3) level i + 2: k63's is one too
        // many.
        .hasMessageStartingWith("line 66, column 65: ")
        .hasMessageContaining("nested more than 64 levels deep");
  }

  @Test
  void readsAnOverlayNestedExactlyToTheLimit() throws Exception {
    // The root mapping, the list, the entry and its image are four levels; 60 more fill the limit.
    String deep = "{a: ".repeat(60) + "x" + "}".repeat(60);
    String text = "applications:\n  - name: web\n    image: {tag: 1.0.0, extra: " + deep + "}\n";

    assertThat(OverlayFile.parse(text).application("web").orElseThrow().tag()).isEqualTo("1.0.0");
  }

  @Test
  void countsDepthPerBranchNotAcrossSiblings() throws Exception {
    String sibling = "{a: ".repeat(50) + "x" + "}".repeat(50);
    StringBuilder text = new StringBuilder("applications: []\n");
    for (int i = 0; i < 100; i++) {
      text.append("s").append(i).append(": ").append(sibling).append('\n');
    }

    assertThat(OverlayFile.parse(text.toString()).applications()).isEmpty();
  }
}
