package io.gitops.promotion.run;

import io.gitops.promotion.git.GitWorkspace;
import io.gitops.promotion.git.PushOutcome;
import java.util.List;

/**
 * Delivers by pushing the commits straight to the branch, expecting it still at the fetched head.
 */
public final class PushDelivery implements Delivery {
  public static final String KIND = "push";

  @Override
  public String kind() {
    return KIND;
  }

  @Override
  public boolean deliver(
      GitWorkspace workspace, List<Change<?>> changes, List<Committed> committed) {
    return workspace.push() == PushOutcome.PUSHED;
  }
}
