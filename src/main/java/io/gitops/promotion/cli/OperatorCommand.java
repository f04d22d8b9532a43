package io.gitops.promotion.cli;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.gitops.promotion.config.ConfigLoader;
import io.gitops.promotion.config.OperatorConfig;
import io.gitops.promotion.logging.LogFormat;
import io.gitops.promotion.operator.OperatorRuntime;
import java.nio.file.Path;
import java.time.Clock;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/** {@code operator}: runs the operator against the current kube context until stopped. */
@Command(
    name = "operator",
    mixinStandardHelpOptions = true,
    description =
        "Run the operator: reconcile Promotion and PromotionRollback resources of the current kube context.")
final class OperatorCommand implements Callable<Integer> {
  private static final Logger LOG = LoggerFactory.getLogger(OperatorCommand.class);

  @Option(
      names = "--config",
      required = true,
      paramLabel = "<file>",
      description = "Operator configuration file (YAML).")
  Path config;

  @Mixin LogFormatOption logFormat;

  @Option(
      names = "--replica-id",
      paramLabel = "<id>",
      description =
          "This replica's identity in Leases and on status (default: $POD_NAME, else host name and process id).")
  String replicaId;

  @ParentCommand Main main;

  @Override
  public Integer call() throws InterruptedException {
    logFormat.chosen().ifPresent(LogFormat::apply);
    OperatorConfig loaded = new ConfigLoader().load(config);
    logFormat.apply(loaded.logFormat());
    CountDownLatch stopped = new CountDownLatch(1);
    KubernetesClient client = new KubernetesClientBuilder().build();
    String podName = main.environment().get("POD_NAME");
    String replica =
        replicaId != null
            ? replicaId
            : podName != null && !podName.isBlank() ? podName : OperatorRuntime.defaultReplica();
    OperatorRuntime runtime = OperatorRuntime.start(loaded, client, Clock.systemUTC(), replica);
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  runtime.close();
                  client.close();
                  stopped.countDown();
                },
                "shutdown"));
    LOG.atInfo()
        .addKeyValue("port", runtime.httpPort())
        .log("promotion-operator running; metrics, /healthz and /readyz");
    stopped.await();
    return ExitCodes.OK;
  }
}
