package io.gitops.promotion.api;

import io.fabric8.crd.generator.annotation.AdditionalPrinterColumn;
import io.fabric8.kubernetes.api.model.Namespaced;
import io.fabric8.kubernetes.client.CustomResource;
import io.fabric8.kubernetes.model.annotation.Group;
import io.fabric8.kubernetes.model.annotation.Kind;
import io.fabric8.kubernetes.model.annotation.Plural;
import io.fabric8.kubernetes.model.annotation.ShortNames;
import io.fabric8.kubernetes.model.annotation.Singular;
import io.fabric8.kubernetes.model.annotation.Version;

/**
 * A request to promote the image tags of one workload group from one environment overlay to
 * another, and the record of what happened. It runs once; with {@code dryRun: true} (the default)
 * it stops at {@link Phase#PREVIEWED}, and setting {@code dryRun: false} executes the previewed
 * plan. The CRD in {@code crds/} is generated from this class.
 */
@Group(Promotion.GROUP)
@Version(Promotion.VERSION)
@Kind("Promotion")
@Plural("promotions")
@Singular("promotion")
@ShortNames("promo")
@AdditionalPrinterColumn(name = "Group", jsonPath = ".spec.workloadGroup")
@AdditionalPrinterColumn(name = "From", jsonPath = ".spec.sourceEnv")
@AdditionalPrinterColumn(name = "To", jsonPath = ".spec.targetEnv")
@AdditionalPrinterColumn(name = "Version", jsonPath = ".status.version")
@AdditionalPrinterColumn(name = "Phase", jsonPath = ".status.phase")
@AdditionalPrinterColumn(name = "Commit", jsonPath = ".status.shortCommit")
@AdditionalPrinterColumn(name = "Request", jsonPath = ".status.mergeRequest.url")
@AdditionalPrinterColumn(
    name = "Age",
    jsonPath = ".metadata.creationTimestamp",
    type = AdditionalPrinterColumn.Type.DATE)
@AdditionalPrinterColumn(name = "Message", jsonPath = ".status.message", priority = 1)
@AdditionalPrinterColumn(name = "Replica", jsonPath = ".status.replica", priority = 1)
public class Promotion extends CustomResource<PromotionSpec, PromotionStatus>
    implements Namespaced {
  public static final String GROUP = "promotion.gitops.io";
  public static final String VERSION = "v1alpha1";
}
