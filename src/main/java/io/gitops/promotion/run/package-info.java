/**
 * The one run loop that lands promotions and rollbacks on a repository branch: fetch, find what an
 * earlier attempt already pushed, plan each change on the files of the commit before it, commit
 * them one on top of the other without a work tree, push them in one push, and re-plan on a moved
 * branch with jittered exponential backoff within a time budget.
 */
package io.gitops.promotion.run;
