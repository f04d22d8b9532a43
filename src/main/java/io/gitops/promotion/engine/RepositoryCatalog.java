package io.gitops.promotion.engine;

/**
 * Finds the repository a request names, with its current credentials. The operator backs it with
 * its configuration and Secrets; a request that names no repository gets the only one configured.
 */
public interface RepositoryCatalog {
  /**
   * @param name the requested repository, or null for the default
   * @throws RequestRejectedException with {@link RejectionReason#UNKNOWN_REPOSITORY} when unknown
   */
  TargetRepository resolve(String name);

  /** The configured name a request's repository resolves to, without reading any credentials. */
  default String nameOf(String name) {
    return resolve(name).name();
  }
}
