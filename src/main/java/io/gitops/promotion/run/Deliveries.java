package io.gitops.promotion.run;

import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Supplier;

/** The registry of deliveries, by the gate name configuration uses. */
public final class Deliveries {
  public static final String DEFAULT = PushDelivery.KIND;
  private static final Map<String, Supplier<Delivery>> KINDS = Map.of(PushDelivery.KIND, PushDelivery::new);

  private Deliveries() {}

  public static Optional<Delivery> of(String kind) {
    return Optional.ofNullable(KINDS.get(kind == null ? DEFAULT : kind)).map(Supplier::get);
  }

  public static Set<String> kinds() {
    return new TreeSet<>(KINDS.keySet());
  }
}
