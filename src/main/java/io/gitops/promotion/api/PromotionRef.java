package io.gitops.promotion.api;

import io.fabric8.generator.annotation.Required;
import io.fabric8.generator.annotation.Size;

/**
 * Names a {@link Promotion} in the same namespace, for a {@link PromotionRollback} of exactly that
 * promotion.
 */
public class PromotionRef {
  @Required
  @Size(min = 1, max = 253)
  private String name;

  public PromotionRef() {}

  public PromotionRef(String name) {
    this.name = name;
  }

  public String getName() {
    return name;
  }

  public void setName(String name) {
    this.name = name;
  }
}
