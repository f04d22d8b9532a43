package io.gitops.promotion.gitlab;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;

/**
 * Actions {@link FakeGitLabServer} runs once, after the next matching request took effect and
 * before it is answered: the seam a test acts in between (e.g. deletes a resource while the
 * operator waits for GitLab's answer).
 */
final class FakeRequestHooks {
  private record Hook(String method, String pathPrefix, Runnable action) {}

  private final List<Hook> pending = new ArrayList<>();

  synchronized void add(String method, String pathPrefix, Runnable action) {
    pending.add(new Hook(method, pathPrefix, action));
  }

  /** The first hook that matches the request, removed. */
  synchronized Optional<Runnable> take(String method, String path) {
    for (Iterator<Hook> it = pending.iterator(); it.hasNext(); ) {
      Hook next = it.next();
      if (next.method().equalsIgnoreCase(method) && path.startsWith(next.pathPrefix())) {
        it.remove();
        return Optional.of(next.action());
      }
    }
    return Optional.empty();
  }
}
