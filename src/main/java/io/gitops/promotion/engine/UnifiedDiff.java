package io.gitops.promotion.engine;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.eclipse.jgit.diff.DiffFormatter;
import org.eclipse.jgit.diff.EditList;
import org.eclipse.jgit.diff.HistogramDiff;
import org.eclipse.jgit.diff.RawText;
import org.eclipse.jgit.diff.RawTextComparator;

/** A unified diff ({@code git diff} style, three lines of context) of planned file edits. */
public final class UnifiedDiff {
  private UnifiedDiff() {}

  public static String of(List<FileEdit> edits) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (DiffFormatter formatter = new DiffFormatter(out)) {
      for (FileEdit edit : edits) {
        RawText before = new RawText(edit.before().getBytes(StandardCharsets.UTF_8));
        RawText after = new RawText(edit.after().getBytes(StandardCharsets.UTF_8));
        EditList changes = new HistogramDiff().diff(RawTextComparator.DEFAULT, before, after);
        out.write(
            ("--- a/" + edit.path() + "\n+++ b/" + edit.path() + "\n")
                .getBytes(StandardCharsets.UTF_8));
        formatter.format(changes, before, after);
        formatter.flush();
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toString(StandardCharsets.UTF_8);
  }
}
