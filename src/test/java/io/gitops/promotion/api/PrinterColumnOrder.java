package io.gitops.promotion.api;

import io.fabric8.crd.generator.annotation.AdditionalPrinterColumn;
import io.fabric8.crdv2.generator.CRDPostProcessor;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceColumnDefinition;
import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinition;
import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinitionVersion;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * Puts the printer columns in the order the resource class declares them (the generator sorts them
 * by JSON path), so {@code kubectl get} reads group, from, to, version, phase, commit, age.
 */
final class PrinterColumnOrder implements CRDPostProcessor {
  private final Map<String, Class<?>> classesByKind;

  PrinterColumnOrder(Map<String, Class<?>> classesByKind) {
    this.classesByKind = classesByKind;
  }

  @Override
  public HasMetadata process(HasMetadata crd, String crdSpecVersion) {
    CustomResourceDefinition definition = (CustomResourceDefinition) crd;
    Class<?> type = classesByKind.get(definition.getSpec().getNames().getKind());
    List<String> declared =
        Arrays.stream(type.getAnnotationsByType(AdditionalPrinterColumn.class))
            .map(AdditionalPrinterColumn::name)
            .toList();
    for (CustomResourceDefinitionVersion version : definition.getSpec().getVersions()) {
      version
          .getAdditionalPrinterColumns()
          .sort(
              Comparator.comparingInt(
                  (CustomResourceColumnDefinition c) -> declared.indexOf(c.getName())));
    }
    return crd;
  }
}
