package io.gitops.promotion.git;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/**
 * One clone per repository, kept on disk and reused: each promotion fetches into it instead of
 * cloning again. A workspace is reopened (not re-cloned) when the repository's credentials change.
 * Callers hold the repository's lock while they use its workspace.
 */
public final class WorkspaceCache implements AutoCloseable {
  private final Path root;
  private final Map<String, GitWorkspace> workspaces = new HashMap<>();

  public WorkspaceCache(Path root) {
    this.root = root;
  }

  /** The workspace of a repository, cloned on first use. */
  public synchronized GitWorkspace workspace(String repositoryName, GitRemote remote) {
    GitWorkspace cached = workspaces.get(repositoryName);
    if (cached != null && cached.remote().equals(remote)) {
      return cached;
    }
    if (cached != null) {
      cached.close();
    }
    GitWorkspace opened = GitWorkspace.open(remote, root.resolve(repositoryName));
    workspaces.put(repositoryName, opened);
    return opened;
  }

  @Override
  public synchronized void close() {
    workspaces.values().forEach(GitWorkspace::close);
    workspaces.clear();
  }
}
