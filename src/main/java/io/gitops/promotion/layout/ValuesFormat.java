package io.gitops.promotion.layout;

/**
 * How a templated layout reads one of its files: the part that differs between kustomize, Argo CD
 * and Helm.
 */
@FunctionalInterface
interface ValuesFormat {
  /**
   * @throws io.gitops.promotion.engine.RequestRejectedException with {@code InvalidOverlay} naming
   *     the path
   */
  ValuesFile parse(String path, String text);
}
