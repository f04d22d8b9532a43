package io.gitops.promotion.git;

import java.util.Locale;
import org.eclipse.jgit.transport.RemoteRefUpdate;

/**
 * How a push ended: on the branch, or refused because someone else got there first (the branch
 * moved, or the remote could not lock the ref or saw another old value: a race on its side). Those
 * are re-planned on the new head; every other refusal throws {@link GitAccessException} with the
 * remote's own words (a hook's message included).
 */
public enum PushOutcome {
  PUSHED,
  BRANCH_MOVED;

  static PushOutcome of(GitRemote remote, RemoteRefUpdate update, String serverMessages) {
    switch (update.getStatus()) {
      case OK, UP_TO_DATE:
        return PUSHED;
      case REJECTED_NONFASTFORWARD, REJECTED_REMOTE_CHANGED:
        return BRANCH_MOVED;
      case REJECTED_OTHER_REASON:
        if (isRace(update.getMessage())) {
          return BRANCH_MOVED;
        }
        break;
      default:
        break;
    }
    StringBuilder message =
        new StringBuilder("push to ")
            .append(remote.displayUrl())
            .append(" refused: ")
            .append(update.getStatus());
    if (update.getMessage() != null) {
      message.append(" (").append(update.getMessage()).append(')');
    }
    if (serverMessages != null && !serverMessages.isBlank()) {
      message.append("; the remote said: ").append(serverMessages.strip().replace('\n', ' '));
    }
    throw new GitAccessException(GitFailures.redact(message.toString()), false, null);
  }

  private static boolean isRace(String message) {
    String text = message == null ? "" : message.toLowerCase(Locale.ROOT);
    return text.contains("lock")
        || text.contains("incorrect old value")
        || text.contains("stale info")
        || text.contains("reference already exists");
  }
}
