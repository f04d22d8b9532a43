package io.gitops.promotion.e2e;

import java.nio.file.Path;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * JUnit extension that gives tests the one {@link ControlPlane} of this test run: started by the
 * first test class that needs it, shared by all the others, and stopped when JUnit closes its root
 * store at the end of the run. If the start fails, every test that needs it fails with that error
 * (the start is not tried again).
 */
public final class RealControlPlane implements BeforeAllCallback, ParameterResolver {
  private static final ExtensionContext.Namespace STORE =
      ExtensionContext.Namespace.create(RealControlPlane.class);
  static final Path STATE_DIR = Path.of("target/e2e/controlplane").toAbsolutePath();

  /** The shared control plane, started on first use. */
  public static ControlPlane of(ExtensionContext context) {
    return context
        .getRoot()
        .getStore(STORE)
        .computeIfAbsent(Startup.class, key -> Startup.attempt(), Startup.class)
        .controlPlane();
  }

  @Override
  public void beforeAll(ExtensionContext context) {
    of(context);
  }

  @Override
  public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
    return parameter.getParameter().getType() == ControlPlane.class;
  }

  @Override
  public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
    return of(context);
  }

  /**
   * The outcome of the one start: a running control plane or the failure, kept for every later
   * caller.
   */
  private record Startup(ControlPlane running, RuntimeException failure) implements AutoCloseable {
    static Startup attempt() {
      try {
        return new Startup(ControlPlane.start(Path.of("").toAbsolutePath(), STATE_DIR), null);
      } catch (RuntimeException e) {
        return new Startup(null, e);
      }
    }

    ControlPlane controlPlane() {
      if (failure != null) {
        throw new IllegalStateException("the control plane did not start", failure);
      }
      return running;
    }

    @Override
    public void close() {
      if (running != null) {
        running.close();
      }
    }
  }
}
