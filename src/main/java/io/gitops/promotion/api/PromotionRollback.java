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
 * A request to restore the tags a promotion replaced, and the record of what was restored. It is a
 * one-shot: the spec is immutable, and re-applying the same resource (Argo CD sync), a resync or an
 * operator restart never rolls back twice. The CRD in {@code crds/} is generated from this class.
 */
@Group(Promotion.GROUP)
@Version(Promotion.VERSION)
@Kind("PromotionRollback")
@Plural("promotionrollbacks")
@Singular("promotionrollback")
@ShortNames("promorb")
@AdditionalPrinterColumn(name = "Promotion", jsonPath = ".spec.promotionRef.name")
@AdditionalPrinterColumn(name = "Group", jsonPath = ".status.workloadGroup")
@AdditionalPrinterColumn(name = "Env", jsonPath = ".status.targetEnv")
@AdditionalPrinterColumn(name = "Result", jsonPath = ".status.result")
@AdditionalPrinterColumn(name = "Phase", jsonPath = ".status.phase")
@AdditionalPrinterColumn(name = "Commit", jsonPath = ".status.shortCommit")
@AdditionalPrinterColumn(name = "Request", jsonPath = ".status.mergeRequest.url")
@AdditionalPrinterColumn(
    name = "Age",
    jsonPath = ".metadata.creationTimestamp",
    type = AdditionalPrinterColumn.Type.DATE)
@AdditionalPrinterColumn(name = "Message", jsonPath = ".status.message", priority = 1)
@AdditionalPrinterColumn(name = "Replica", jsonPath = ".status.replica", priority = 1)
public class PromotionRollback
    extends CustomResource<PromotionRollbackSpec, PromotionRollbackStatus> implements Namespaced {}
