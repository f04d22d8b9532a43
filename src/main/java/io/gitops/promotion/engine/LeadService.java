package io.gitops.promotion.engine;

import java.util.List;

/**
 * Chooses the service whose source tag is the release version: the requested version service, else
 * the service named like the group, else the first service by name.
 */
final class LeadService {
  private LeadService() {}

  static String choose(PromotionRequest request, List<String> services) {
    if (request.versionService() != null) {
      return request.versionService();
    }
    if (services.contains(request.group())) {
      return request.group();
    }
    return services.stream().sorted().findFirst().orElseThrow();
  }
}
