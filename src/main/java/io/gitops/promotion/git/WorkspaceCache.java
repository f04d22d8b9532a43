package io.gitops.promotion.git;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Map;
import java.util.zip.CRC32;

/**
 * One bare repository per configured repository, kept on disk and reused: each run fetches into it
 * instead of cloning again. A workspace is reopened when the repository's credentials change; a
 * changed URL or branch gets a directory of its own. Callers hold the repository's writer while
 * they use its workspace.
 */
public final class WorkspaceCache implements AutoCloseable {
  private final Path root;
  private final Map<String, GitWorkspace> workspaces = new HashMap<>();

  public WorkspaceCache(Path root) {
    this.root = root;
  }

  /** The workspace of a repository, created on first use. */
  public synchronized GitWorkspace workspace(String repositoryName, GitRemote remote) {
    GitWorkspace cached = workspaces.get(repositoryName);
    if (cached != null && cached.remote().equals(remote)) {
      return cached;
    }
    if (cached != null) {
      cached.close();
    }
    GitWorkspace opened =
        GitWorkspace.open(remote, root.resolve(directoryName(repositoryName, remote)));
    workspaces.put(repositoryName, opened);
    return opened;
  }

  private static String directoryName(String repositoryName, GitRemote remote) {
    CRC32 crc = new CRC32();
    crc.update((remote.displayUrl() + "#" + remote.branch()).getBytes(StandardCharsets.UTF_8));
    return repositoryName + "-" + HexFormat.of().toHexDigits((int) crc.getValue()) + ".git";
  }

  @Override
  public synchronized void close() {
    workspaces.values().forEach(GitWorkspace::close);
    workspaces.clear();
  }
}
