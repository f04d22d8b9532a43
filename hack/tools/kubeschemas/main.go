// Command kubeschemas writes the JSON schemas kubeconform validates against, offline: from the
// OpenAPI v2 document that the k8s.io/kubernetes Go module ships (api/openapi-spec/swagger.json,
// the API of exactly that release) and from CustomResourceDefinition YAML files.
//
// Usage: kubeschemas -out DIR [-swagger swagger.json] [crd.yaml ...]
//
// It writes one standalone, strict schema per kind, named as kubeconform's
// -schema-location 'DIR/{{ .ResourceKind }}{{ .KindSuffix }}.json' expects
// (deployment-apps-v1.json, service-v1.json, prometheusrule-monitoring-v1.json). Each file carries
// only the definitions its kind reaches, so local "$ref"s resolve and recursive types stay finite.
// Strict means an object with declared properties accepts no other property, as the API server
// does with field validation: a misspelt field in the chart fails.
package main

import (
	"encoding/json"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"

	"sigs.k8s.io/yaml"
)

type object = map[string]any

func main() {
	out := flag.String("out", "", "directory to write the schemas into")
	swagger := flag.String("swagger", "", "Kubernetes OpenAPI v2 document (swagger.json)")
	flag.Parse()
	if *out == "" {
		fail(fmt.Errorf("-out is required"))
	}
	if err := os.MkdirAll(*out, 0o755); err != nil {
		fail(err)
	}
	count := 0
	if *swagger != "" {
		n, err := writeBuiltInSchemas(*swagger, *out)
		if err != nil {
			fail(err)
		}
		count += n
	}
	for _, crd := range flag.Args() {
		n, err := writeCustomResourceSchemas(crd, *out)
		if err != nil {
			fail(fmt.Errorf("%s: %w", crd, err))
		}
		count += n
	}
	fmt.Fprintf(os.Stderr, "kubeschemas: %d schemas in %s\n", count, *out)
}

func fail(err error) {
	fmt.Fprintln(os.Stderr, "kubeschemas:", err)
	os.Exit(1)
}

func writeBuiltInSchemas(path, out string) (int, error) {
	raw, err := os.ReadFile(path)
	if err != nil {
		return 0, err
	}
	var doc struct {
		Definitions map[string]any `json:"definitions"`
	}
	if err := json.Unmarshal(raw, &doc); err != nil {
		return 0, err
	}
	defs := map[string]any{}
	for name, def := range doc.Definitions {
		defs[name] = normalize(def)
	}
	// A Quantity is written as 100m or as a bare number.
	defs["io.k8s.apimachinery.pkg.api.resource.Quantity"] = object{
		"oneOf": []any{object{"type": "string"}, object{"type": "number"}},
	}
	count := 0
	for name, def := range doc.Definitions {
		gvks, _ := def.(object)["x-kubernetes-group-version-kind"].([]any)
		if len(gvks) != 1 { // DeleteOptions, WatchEvent...: not a resource of its own
			continue
		}
		gvk := gvks[0].(object)
		reached := map[string]any{}
		collect(name, defs, reached)
		schema := object{
			"$schema":     "http://json-schema.org/draft-07/schema#",
			"definitions": reached,
			"allOf":       []any{object{"$ref": "#/definitions/" + name}},
		}
		if err := write(out, gvk["kind"].(string), gvk["group"].(string), gvk["version"].(string), schema); err != nil {
			return count, err
		}
		count++
	}
	return count, nil
}

func writeCustomResourceSchemas(path, out string) (int, error) {
	raw, err := os.ReadFile(path)
	if err != nil {
		return 0, err
	}
	count := 0
	for _, part := range strings.Split(string(raw), "\n---") {
		var crd struct {
			Kind string `json:"kind"`
			Spec struct {
				Group string `json:"group"`
				Names struct {
					Kind string `json:"kind"`
				} `json:"names"`
				Versions []struct {
					Name   string `json:"name"`
					Schema struct {
						OpenAPIV3Schema any `json:"openAPIV3Schema"`
					} `json:"schema"`
				} `json:"versions"`
			} `json:"spec"`
		}
		if err := yaml.Unmarshal([]byte(part), &crd); err != nil {
			return count, err
		}
		if crd.Kind != "CustomResourceDefinition" {
			continue
		}
		for _, v := range crd.Spec.Versions {
			if v.Schema.OpenAPIV3Schema == nil {
				continue
			}
			schema := normalize(v.Schema.OpenAPIV3Schema).(object)
			schema["$schema"] = "http://json-schema.org/draft-07/schema#"
			if err := write(out, crd.Spec.Names.Kind, crd.Spec.Group, v.Name, schema); err != nil {
				return count, err
			}
			count++
		}
	}
	return count, nil
}

// normalize turns OpenAPI extensions into JSON Schema that a validator understands, and makes
// objects with declared properties strict.
func normalize(node any) any {
	switch n := node.(type) {
	case []any:
		for i := range n {
			n[i] = normalize(n[i])
		}
		return n
	case object:
		for k, v := range n {
			if k == "enum" || k == "default" || k == "example" {
				continue
			}
			n[k] = normalize(v)
		}
		if n["format"] == "int-or-string" || n["x-kubernetes-int-or-string"] == true {
			return object{"oneOf": []any{object{"type": "string"}, object{"type": "integer"}}}
		}
		if t, ok := n["type"].(string); ok && n["nullable"] == true {
			n["type"] = []any{t, "null"}
		}
		_, hasProps := n["properties"]
		_, hasAdditional := n["additionalProperties"]
		if hasProps && !hasAdditional && n["x-kubernetes-preserve-unknown-fields"] != true {
			n["additionalProperties"] = false
		}
		return n
	default:
		return n
	}
}

func collect(name string, defs, reached map[string]any) {
	if _, done := reached[name]; done {
		return
	}
	def, ok := defs[name]
	if !ok {
		return
	}
	reached[name] = def
	for _, ref := range refs(def, nil) {
		collect(ref, defs, reached)
	}
}

func refs(node any, acc []string) []string {
	switch n := node.(type) {
	case []any:
		for _, v := range n {
			acc = refs(v, acc)
		}
	case object:
		if r, ok := n["$ref"].(string); ok {
			acc = append(acc, strings.TrimPrefix(r, "#/definitions/"))
		}
		keys := make([]string, 0, len(n))
		for k := range n {
			keys = append(keys, k)
		}
		sort.Strings(keys)
		for _, k := range keys {
			acc = refs(n[k], acc)
		}
	}
	return acc
}

// write names the file as kubeconform's KindSuffix does: kind, first label of the group, version.
func write(out, kind, group, version string, schema object) error {
	name := strings.ToLower(kind)
	if group != "" {
		name += "-" + strings.ToLower(strings.Split(group, ".")[0])
	}
	name += "-" + strings.ToLower(version) + ".json"
	data, err := json.Marshal(schema)
	if err != nil {
		return err
	}
	return os.WriteFile(filepath.Join(out, name), data, 0o644)
}
