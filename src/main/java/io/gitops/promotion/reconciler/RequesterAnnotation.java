package io.gitops.promotion.reconciler;

import io.fabric8.kubernetes.api.model.HasMetadata;
import java.util.Map;

/**
 * Who asked for a resource: the {@code promotion.gitops.io/requested-by} annotation when set (the
 * API server does not record a creator), otherwise the namespace it was applied in.
 */
final class RequesterAnnotation {
  static final String KEY = "promotion.gitops.io/requested-by";

  private RequesterAnnotation() {}

  static String of(HasMetadata resource) {
    Map<String, String> annotations = resource.getMetadata().getAnnotations();
    String value = annotations == null ? null : annotations.get(KEY);
    return value != null && !value.isBlank()
        ? value
        : "namespace/" + resource.getMetadata().getNamespace();
  }
}
