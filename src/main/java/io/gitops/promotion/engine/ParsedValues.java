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
                  Attempt.of(() -> files.read(targetPath))));
        });
    if (services.size() >= PARALLEL_FROM) {
      services.parallelStream().forEach(s -> s.parse(layout));
    } else {
      services.forEach(s -> s.parse(layout));
    }
    return services;
  }

  /** A value, or what supplying it threw, thrown again when the value is asked for. */
  private record Attempt<T>(T value, RuntimeException failure) {
    static <T> Attempt<T> of(Supplier<T> supplier) {
      try {
        return new Attempt<>(supplier.get(), null);
      } catch (RuntimeException e) {
        return new Attempt<>(null, e);
      }
    }

    T get() {
      if (failure != null) {
        throw failure;
      }
      return value;
    }
  }

  /** One service's files; each getter throws what reading or parsing that file threw. */
  static final class Service {
    private final String name;
    private final String sourcePath;
    private final String sourceText;
    private final String targetPath;
    private final Attempt<Optional<String>> targetText;
    private Attempt<ValuesFile> source;
    private Attempt<ValuesFile> target;

    private Service(
        String name,
        String sourcePath,
        String sourceText,
        String targetPath,
        Attempt<Optional<String>> targetText) {
      this.name = name;
      this.sourcePath = sourcePath;
      this.sourceText = sourceText;
      this.targetPath = targetPath;
      this.targetText = targetText;
    }

    private void parse(Layout layout) {
      source = Attempt.of(() -> layout.parse(sourcePath, sourceText));
      Optional<String> text = targetText.value();
      if (text != null && text.isPresent()) {
        target = Attempt.of(() -> layout.parse(targetPath, text.get()));
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
      return source.get();
    }

    Optional<String> targetText() {
      return targetText.get();
    }

    /** Only when {@link #targetText()} is present. */
    ValuesFile target() {
      return target.get();
    }
  }
}
