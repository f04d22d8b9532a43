package io.gitops.promotion.engine;

import io.gitops.promotion.layout.Layout;
import io.gitops.promotion.layout.RepositoryFiles;
import io.gitops.promotion.layout.ValuesFile;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The source and target values files of a group's services, read in service order and parsed in
 * parallel: parsing is most of the CPU a plan costs, and a group of hundreds of services is
 * hundreds of independent files. What a read or a parse throws is kept and thrown when the plan
 * asks for that file, so a plan with several unreadable files reports the same one, in the same
 * order, as a plan made one file at a time.
 */
final class ParsedValues {
  /** Below this many services a parallel stream costs more than it saves. */
  private static final int PARALLEL_FROM = 16;

  private ParsedValues() {}

  /**
   * @param sourceTexts each service's source text, in service order
   */
  static List<Service> of(
      Layout layout,
      RepositoryFiles files,
      PromotionRequest request,
      Map<String, String> sourceTexts) {
    List<Service> services = new ArrayList<>();
    sourceTexts.forEach(
        (service, text) -> {
          String targetPath = layout.valuesPath(request.group(), service, request.target());
          services.add(
              new Service(
                  service,
                  layout.valuesPath(request.group(), service, request.source()),
                  text,
                  targetPath,
                  attempt(() -> files.read(targetPath))));
        });
    if (services.size() >= PARALLEL_FROM) {
      services.parallelStream().forEach(s -> s.parse(layout));
    } else {
      services.forEach(s -> s.parse(layout));
    }
    return services;
  }

  /** The value, or what supplying it threw. */
  private static Object attempt(Supplier<?> supplier) {
    try {
      return supplier.get();
    } catch (RuntimeException e) {
      return e;
    }
  }

  @SuppressWarnings("unchecked")
  private static <T> T unwrap(Object attempted) {
    if (attempted instanceof RuntimeException e) {
      throw e;
    }
    return (T) attempted;
  }

  /** One service's files; each getter throws what reading or parsing that file threw. */
  static final class Service {
    private final String name;
    private final String sourcePath;
    private final String sourceText;
    private final String targetPath;
    private final Object targetText;
    private Object source;
    private Object target;

    private Service(
        String name, String sourcePath, String sourceText, String targetPath, Object targetText) {
      this.name = name;
      this.sourcePath = sourcePath;
      this.sourceText = sourceText;
      this.targetPath = targetPath;
      this.targetText = targetText;
    }

    private void parse(Layout layout) {
      source = attempt(() -> layout.parse(sourcePath, sourceText));
      if (targetText instanceof Optional<?> text && text.isPresent()) {
        target = attempt(() -> layout.parse(targetPath, (String) text.get()));
      }
    }

    String name() {
      return name;
    }

    String sourcePath() {
      return sourcePath;
    }

    String targetPath() {
      return targetPath;
    }

    ValuesFile source() {
      return unwrap(source);
    }

    Optional<String> targetText() {
      return unwrap(targetText);
    }

    /** Only when {@link #targetText()} is present. */
    ValuesFile target() {
      return unwrap(target);
    }
  }
}
