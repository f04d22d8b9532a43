/**
 * Turns the commits between two versions of an application into Keep a Changelog entries and
 * renders the description of the GitLab release created by a DEV promotion.
 *
 * <p>Pure: text in, text out. Nothing here talks to Kubernetes, Git or GitLab; the adapters fetch
 * the commits (GitLab Compare API) and post the rendered text.
 */
package io.gitops.promotion.changelog;
