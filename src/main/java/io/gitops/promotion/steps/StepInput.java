package io.gitops.promotion.steps;

import io.gitops.promotion.engine.TargetRepository;
import java.time.Instant;

/**
 * What an after-step works from.
 *
 * @param result the run's report: its commit, changes and plan
 * @param startedAt when the run started; the same instant on every retry of it
 */
public record StepInput<R>(TargetRepository repository, R result, Instant startedAt) {}
