package uwp_test

import (
	"bytes"
	"encoding/json"
	"os/exec"
	"strings"
	"testing"
)

const module = "github.com/uitwisselingsplatform/uwp"

// TestLayers checks the import rules of STYLE.md with `go list -deps`: dependencies point down
// rdf <- vocab <- {triplestore, sparql, oslo, ingest} <- engine <- web <- cmd; sparql never reaches the
// store; only triplestore imports bbolt, only web imports echo, only cmd reads config (viper).
func TestLayers(t *testing.T) {
	out, err := exec.Command("go", "list", "-e", "-deps", "-json", "./...").Output()
	if err != nil {
		t.Fatalf("go list: %v", err)
	}
	type pkg struct {
		ImportPath string
		Imports    []string
		Module     *struct{ Path string }
	}
	own := map[string][]string{}
	dec := json.NewDecoder(bytes.NewReader(out))
	for dec.More() {
		var p pkg
		if err := dec.Decode(&p); err != nil {
			t.Fatal(err)
		}
		if p.Module != nil && p.Module.Path == module {
			own[strings.TrimPrefix(strings.TrimPrefix(p.ImportPath, module), "/")] = p.Imports
		}
	}
	if len(own) == 0 {
		t.Fatal("go list found none of the module's packages")
	}
	// allowed[layer] lists the layers a package of that layer may import (itself always).
	allowed := map[string][]string{
		"rdf":         {},
		"internal":    {"rdf"}, // test support (W3C manifests); any layer may use it
		"vocab":       {"rdf"},
		"triplestore": {"rdf", "vocab"},
		"sparql":      {"rdf", "vocab"},
		"oslo":        {"rdf", "vocab"},
		"ingest":      {"rdf", "vocab", "oslo", "triplestore"},
		"engine":      {"rdf", "vocab", "triplestore", "sparql"}, // binds sparql/eval to the store
		"web":         {"rdf", "vocab", "triplestore", "sparql", "oslo", "ingest", "engine"},
		"cmd":         {"rdf", "vocab", "triplestore", "sparql", "oslo", "ingest", "engine", "web"},
	}
	thirdParty := map[string]string{
		"go.etcd.io/bbolt":         "triplestore",
		"github.com/labstack/echo": "web",
		"github.com/spf13/viper":   "cmd",
		"github.com/spf13/pflag":   "cmd",
	}
	layerOf := func(path string) string { return strings.SplitN(path, "/", 2)[0] }
	for path, imports := range own {
		if path == "" { // the root holds only this test
			continue
		}
		layer := layerOf(path)
		ok, known := allowed[layer]
		if !known {
			t.Errorf("package %s is in no layer of STYLE.md", path)
			continue
		}
		for _, imp := range imports {
			if strings.HasPrefix(imp, module+"/") {
				to := layerOf(strings.TrimPrefix(imp, module+"/"))
				if to != layer && to != "internal" && !contains(ok, to) {
					t.Errorf("%s imports %s: %s may not depend on %s", path, imp, layer, to)
				}
				continue
			}
			for prefix, owner := range thirdParty {
				if strings.HasPrefix(imp, prefix) && layer != owner {
					t.Errorf("%s imports %s: only %s may", path, imp, owner)
				}
			}
		}
	}
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}
