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

/**
 * A unified diff ({@code git diff} style, three lines of context) of planned file edits, made when
 * it is read and only as far as it is read: a status keeps only its first part, so for a
 * 500-service group it formats a few dozen files instead of all 500.
 */
public final class UnifiedDiff {
  private final List<FileEdit> edits;
  private volatile String text;

  private UnifiedDiff(List<FileEdit> edits, String text) {
    this.edits = edits;
    this.text = text;
  }

  /** The diff of the edits, formatted when first read. */
  public static UnifiedDiff of(List<FileEdit> edits) {
    return new UnifiedDiff(List.copyOf(edits), null);
  }

  /** A diff already formatted (e.g. read from a commit). */
  public static UnifiedDiff ofText(String text) {
    return new UnifiedDiff(List.of(), text);
  }

  /** The whole diff. */
  public String text() {
    String whole = text;
    if (whole == null) {
      whole = format(Integer.MAX_VALUE);
      text = whole;
    }
    return whole;
  }

  /**
   * At least the first {@code chars} characters of the diff (all of it when it is shorter), whole
   * files only: the files after them are not formatted.
   */
  public String prefix(int chars) {
    String whole = text;
    return whole != null ? whole : format(chars);
  }

  private String format(int enough) {
    StringBuilder diff = new StringBuilder();
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (DiffFormatter formatter = new DiffFormatter(out)) {
      for (FileEdit edit : edits) {
        if (diff.length() >= enough) {
          break;
        }
        RawText before = new RawText(edit.before().getBytes(StandardCharsets.UTF_8));
        RawText after = new RawText(edit.after().getBytes(StandardCharsets.UTF_8));
        EditList changes = new HistogramDiff().diff(RawTextComparator.DEFAULT, before, after);
        out.reset();
        out.write(
            ("--- a/" + edit.path() + "\n+++ b/" + edit.path() + "\n")
                .getBytes(StandardCharsets.UTF_8));
        formatter.format(changes, before, after);
        formatter.flush();
        diff.append(out.toString(StandardCharsets.UTF_8));
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return diff.toString();
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof UnifiedDiff diff && text().equals(diff.text());
  }

  @Override
  public int hashCode() {
    return text().hashCode();
  }

  @Override
  public String toString() {
    return text();
  }
}
