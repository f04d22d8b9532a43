package io.gitops.promotion.cli;

/** How a command prints its result. */
enum OutputFormat {
  TEXT,
  JSON;

  PromotionReport promotionReport() {
    return this == JSON ? new PromotionReport.Json() : new PromotionReport.Text();
  }

  RollbackReport rollbackReport() {
    return this == JSON ? new RollbackReport.Json() : new RollbackReport.Text();
  }
}
