package io.gitops.promotion.reconciler;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * The uids of the runs this process finished lately, for the moments before the informer cache
 * shows their terminal status. Bounded: by the time an entry is dropped the cache has long caught
 * up.
 */
final class SettledRuns {
  private static final int REMEMBERED = 10_000;

  private final Set<String> uids =
      Collections.synchronizedSet(
          Collections.newSetFromMap(
              new LinkedHashMap<>() {
                @Override
                protected boolean removeEldestEntry(Map.Entry<String, Boolean> eldest) {
                  return size() > REMEMBERED;
                }
              }));

  void add(String uid) {
    uids.add(uid);
  }

  boolean contains(String uid) {
    return uids.contains(uid);
  }
}
