package main

import (
	"context"
	"encoding/json"
	"fmt"
	"sort"
	"text/tabwriter"

	"github.com/spf13/pflag"
	"github.com/spf13/viper"

	"github.com/uitwisselingsplatform/uwp/rdf"
	"github.com/uitwisselingsplatform/uwp/triplestore"
)

func init() {
	register(&command{
		name:    "stats",
		summary: "Print the store's statistics: quads, graphs, terms, file size, bytes per quad.",
		flags: func(fs *pflag.FlagSet) {
			fs.Bool("json", false, "print JSON instead of text")
			fs.Int("predicates", 10, "list this many predicates by count (0: none, -1: all)")
		},
		run: runStats,
	})
}

// storeReport is what `uwp stats` prints.
type storeReport struct {
	File         string       `json:"file"`
	FileBytes    int64        `json:"fileBytes"`
	Quads        uint64       `json:"quads"`
	Graphs       int          `json:"namedGraphs"`
	Terms        uint64       `json:"terms"`
	Subjects     uint64       `json:"distinctSubjects"`
	Objects      uint64       `json:"distinctObjects"`
	Predicates   int          `json:"distinctPredicates"`
	BytesPerQuad float64      `json:"bytesPerQuad"`
	DataVersion  uint64       `json:"dataVersion"`
	GraphCounts  []namedCount `json:"graphs,omitempty"`
	TopPreds     []namedCount `json:"predicates,omitempty"`
}

type namedCount struct {
	Name  string `json:"name"`
	Count uint64 `json:"quads"`
}

func runStats(ctx context.Context, cfg *viper.Viper, args []string, e *env) error {
	if len(args) > 0 {
		return fmt.Errorf("%w: stats takes no arguments", errUsage)
	}
	dir := cfg.GetString("data")
	rep := storeReport{File: storePath(dir)}
	s, err := openStore(dir, false)
	if err != nil {
		return err
	}
	if s != nil {
		defer s.Close()
		if rep.FileBytes, err = s.Size(); err != nil {
			return err
		}
		rep.DataVersion = s.DataVersion()
		err = s.View(func(tx *triplestore.Tx) error {
			st, err := tx.Stats()
			if err != nil {
				return err
			}
			rep.Quads, rep.Terms, rep.Subjects, rep.Objects = st.Quads, st.Terms, st.Subjects, st.Objects
			rep.Predicates = len(st.Predicates)
			name := func(id triplestore.TermID) string {
				if id == triplestore.DefaultGraph {
					return "(default graph)"
				}
				t, err := tx.Term(id)
				if err != nil {
					return fmt.Sprintf("#%d (%v)", id, err)
				}
				return termLabel(t)
			}
			for g, n := range st.Graphs {
				if g != triplestore.DefaultGraph {
					rep.Graphs++
				}
				rep.GraphCounts = append(rep.GraphCounts, namedCount{name(g), n})
			}
			sortCounts(rep.GraphCounts)
			limit := cfg.GetInt("predicates")
			for p, ps := range st.Predicates {
				rep.TopPreds = append(rep.TopPreds, namedCount{name(p), ps.Count})
			}
			sortCounts(rep.TopPreds)
			if limit >= 0 && len(rep.TopPreds) > limit {
				rep.TopPreds = rep.TopPreds[:limit]
			}
			return nil
		})
		if err != nil {
			return err
		}
	}
	if rep.Quads > 0 {
		rep.BytesPerQuad = float64(rep.FileBytes) / float64(rep.Quads)
	}
	if cfg.GetBool("json") {
		enc := json.NewEncoder(e.stdout)
		enc.SetIndent("", "  ")
		return enc.Encode(rep)
	}
	tw := tabwriter.NewWriter(e.stdout, 0, 0, 2, ' ', 0)
	fmt.Fprintf(tw, "store\t%s\n", rep.File)
	fmt.Fprintf(tw, "file size\t%s (%d bytes)\n", humanBytes(rep.FileBytes), rep.FileBytes)
	fmt.Fprintf(tw, "quads\t%d\n", rep.Quads)
	fmt.Fprintf(tw, "named graphs\t%d\n", rep.Graphs)
	fmt.Fprintf(tw, "terms\t%d\n", rep.Terms)
	fmt.Fprintf(tw, "distinct subjects\t%d\n", rep.Subjects)
	fmt.Fprintf(tw, "distinct predicates\t%d\n", rep.Predicates)
	fmt.Fprintf(tw, "distinct objects\t%d\n", rep.Objects)
	fmt.Fprintf(tw, "bytes per quad\t%.1f\n", rep.BytesPerQuad)
	fmt.Fprintf(tw, "data version\t%d\n", rep.DataVersion)
	if len(rep.GraphCounts) > 0 {
		fmt.Fprintf(tw, "\ngraph\tquads\n")
		for _, g := range rep.GraphCounts {
			fmt.Fprintf(tw, "%s\t%d\n", g.Name, g.Count)
		}
	}
	if len(rep.TopPreds) > 0 {
		fmt.Fprintf(tw, "\npredicate\tquads\n")
		for _, p := range rep.TopPreds {
			fmt.Fprintf(tw, "%s\t%d\n", p.Name, p.Count)
		}
	}
	return tw.Flush()
}

func sortCounts(c []namedCount) {
	sort.Slice(c, func(i, j int) bool {
		if c[i].Count != c[j].Count {
			return c[i].Count > c[j].Count
		}
		return c[i].Name < c[j].Name
	})
}

// termLabel prints an IRI bare and other terms in N-Triples form.
func termLabel(t rdf.Term) string {
	if i, ok := t.(rdf.IRI); ok {
		return string(i)
	}
	return t.String()
}
