package io.gitops.promotion.promotion;

import io.gitops.promotion.git.GitRemote;

/** A GitOps repository promotions run on: its configured name, how to reach it and its layout. */
public record TargetRepository(String name, GitRemote remote, RepositoryLayout layout) {}
