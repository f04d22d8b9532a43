package io.gitops.promotion.api;

import com.google.common.collect.ImmutableCollection;
import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableSet;
import dev.cel.common.CelAbstractSyntaxTree;
import dev.cel.common.CelValidationResult;
import dev.cel.common.types.CelType;
import dev.cel.common.types.CelTypeProvider;
import dev.cel.common.types.ListType;
import dev.cel.common.types.MapType;
import dev.cel.common.types.SimpleType;
import dev.cel.common.types.StructType;
import dev.cel.compiler.CelCompiler;
import dev.cel.compiler.CelCompilerFactory;
import dev.cel.extensions.CelExtensions;
import dev.cel.parser.CelStandardMacro;
import dev.cel.runtime.CelRuntime;
import dev.cel.runtime.CelRuntimeFactory;
import io.fabric8.kubernetes.api.model.apiextensions.v1.JSONSchemaProps;
import io.fabric8.kubernetes.api.model.apiextensions.v1.ValidationRule;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Compiles the {@code x-kubernetes-validations} rules of one schema object the way the API server
 * does (typed by the schema, with the Kubernetes strings library) and evaluates them against plain
 * maps, so the CEL in the generated CRDs is checked without a control plane.
 */
final class CelRuleChecker {
  private final JSONSchemaProps schema;
  private final Map<String, CelType> structs = new LinkedHashMap<>();
  private final CelType selfType;
  private final CelRuntime runtime =
      CelRuntimeFactory.standardCelRuntimeBuilder().addLibraries(CelExtensions.strings()).build();

  CelRuleChecker(JSONSchemaProps schema, String name) {
    this.schema = schema;
    this.selfType = typeOf(schema, name);
  }

  List<ValidationRule> rules() {
    return schema.getXKubernetesValidations();
  }

  /**
   * Type-checks a rule against the schema; returns the checker's errors, empty when it compiles to
   * a bool.
   */
  Optional<String> typeCheck(String rule) {
    CelValidationResult result = compiler(selfType).compile(rule);
    if (result.hasError()) {
      return Optional.of(result.getErrorString());
    }
    try {
      CelType type = result.getAst().getResultType();
      return type.equals(SimpleType.BOOL)
          ? Optional.empty()
          : Optional.of("result type is " + type);
    } catch (Exception e) {
      return Optional.of(e.toString());
    }
  }

  /**
   * The messages of the rules that reject {@code self}; transition rules run only when {@code
   * oldSelf} is given, as on an UPDATE.
   */
  List<String> violations(Map<String, Object> self, Map<String, Object> oldSelf) {
    List<String> messages = new ArrayList<>();
    for (ValidationRule rule : rules()) {
      boolean transition = rule.getRule().contains("oldSelf");
      if (transition && oldSelf == null) {
        continue;
      }
      Map<String, Object> vars = new LinkedHashMap<>();
      vars.put("self", self);
      if (transition) {
        vars.put("oldSelf", oldSelf);
      }
      if (!Boolean.TRUE.equals(evaluate(rule.getRule(), vars))) {
        messages.add(rule.getMessage());
      }
    }
    return messages;
  }

  private Object evaluate(String rule, Map<String, Object> vars) {
    try {
      CelAbstractSyntaxTree ast = compiler(SimpleType.DYN).compile(rule).getAst();
      return runtime.createProgram(ast).eval(vars);
    } catch (Exception e) {
      throw new IllegalStateException("cannot evaluate " + rule + ": " + e.getMessage(), e);
    }
  }

  private CelCompiler compiler(CelType type) {
    return CelCompilerFactory.standardCelCompilerBuilder()
        .setStandardMacros(CelStandardMacro.STANDARD_MACROS)
        .setTypeProvider(new Structs())
        .addVar("self", type)
        .addVar("oldSelf", type)
        .addLibraries(CelExtensions.strings())
        .build();
  }

  private CelType typeOf(JSONSchemaProps props, String name) {
    switch (props.getType()) {
      case "string":
        return SimpleType.STRING;
      case "boolean":
        return SimpleType.BOOL;
      case "integer":
        return SimpleType.INT;
      case "number":
        return SimpleType.DOUBLE;
      case "array":
        return ListType.create(typeOf(props.getItems().getSchema(), name + ".items"));
      default:
        break;
    }
    if (props.getAdditionalProperties() != null
        && props.getAdditionalProperties().getSchema() != null) {
      return MapType.create(
          SimpleType.STRING, typeOf(props.getAdditionalProperties().getSchema(), name + ".value"));
    }
    Map<String, CelType> fields = new LinkedHashMap<>();
    props
        .getProperties()
        .forEach((field, fieldProps) -> fields.put(field, typeOf(fieldProps, name + "." + field)));
    StructType struct =
        StructType.create(
            name,
            ImmutableSet.copyOf(fields.keySet()),
            field -> Optional.ofNullable(fields.get(field)));
    structs.put(name, struct);
    return struct;
  }

  /** Makes the schema's object types known to the checker by name. */
  private final class Structs implements CelTypeProvider {
    @Override
    public ImmutableCollection<CelType> types() {
      return ImmutableList.copyOf(structs.values());
    }

    @Override
    public Optional<CelType> findType(String typeName) {
      return Optional.ofNullable(structs.get(typeName));
    }
  }
}
