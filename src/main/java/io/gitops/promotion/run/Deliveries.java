package io.gitops.promotion.run;

import java.util.Set;
import java.util.TreeSet;

/** The deliveries there are, by the gate name configuration uses. */
public final class Deliveries {
  public static final String DEFAULT = PushDelivery.KIND;
  private static final Set<String> KINDS = Set.of(PushDelivery.KIND, MergeRequestDelivery.KIND);

  private Deliveries() {}

  public static Set<String> kinds() {
    return new TreeSet<>(KINDS);
  }
}
