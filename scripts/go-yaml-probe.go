// The values Kubernetes' YAML decoder gives scalars, for test/workers/ingest/go-yaml-scalars.test.ts.
// Reads JSON strings, one per line, and prints the JSON sigs.k8s.io/yaml's YAMLToJSON makes of
// `v: <string>` (or the error). Not part of the build: run it from a module that has sigs.k8s.io/yaml,
//   go run go-yaml-probe.go < lines.json
package main

import (
	"bufio"
	"encoding/json"
	"fmt"
	"os"

	"sigs.k8s.io/yaml"
)

func main() {
	in := bufio.NewScanner(os.Stdin)
	in.Buffer(make([]byte, 1<<20), 1<<26)
	for in.Scan() {
		var text string
		if err := json.Unmarshal(in.Bytes(), &text); err != nil {
			panic(err)
		}
		out, err := yaml.YAMLToJSON([]byte("v: " + text + "\n"))
		if err != nil {
			fmt.Printf("{\"error\":%q}\n", err.Error())
			continue
		}
		fmt.Println(string(out))
	}
}
