package io.gitops.promotion.git;

import io.gitops.promotion.engine.RejectionReason;
import io.gitops.promotion.engine.RequestRejectedException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Refuses a local remote that is a work tree with the branch checked out, as {@code git push} does
 * ({@code receive.denyCurrentBranch}): pushing there would leave its files out of step with its
 * branch.
 */
final class CheckedOutBranch {
  private CheckedOutBranch() {}

  static void refuse(GitRemote remote) {
    if (!remote.url().startsWith("file:")) {
      return;
    }
    Path dir = Path.of(URI.create(remote.url()));
    Path head = dir.resolve(".git").resolve("HEAD");
    if (!Files.isRegularFile(head)) {
      return;
    }
    try {
      String ref = Files.readString(head, StandardCharsets.UTF_8).trim();
      if (ref.equals("ref: refs/heads/" + remote.branch())) {
        throw new RequestRejectedException(
            RejectionReason.CHECKED_OUT_BRANCH,
            "refusing to push to "
                + dir
                + ": branch "
                + remote.branch()
                + " is checked out in that work tree (as git push refuses); use a bare"
                + " repository or the server's URL");
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
