package shacl

import (
	"github.com/uitwisselingsplatform/uwp/oslo/graph"
	"github.com/uitwisselingsplatform/uwp/rdf"
	"github.com/uitwisselingsplatform/uwp/vocab"
	"github.com/uitwisselingsplatform/uwp/vocab/rdfs"
)

// Options tune a validation. The zero value validates by the specification.
type Options struct {
	// Classes is a further source of rdfs:subClassOf triples (an ontology) for sh:class only;
	// targets use the data graph's own, as the specification says. Nil means none. This is an
	// extension: it lets data typed cp:Participant satisfy sh:class dcterms:Agent without
	// widening which focus nodes the shapes select.
	Classes *graph.Graph
	// MaxResults stops the validation after that many results; 0 means no limit. The report
	// then has Truncated set.
	MaxResults int
}

// Validate checks the data graph against every shape with a target
// (https://www.w3.org/TR/shacl/#validation-definition) and returns the report. It never
// fails: ill-formed shapes were refused by Compile.
func (ss *Shapes) Validate(data *graph.Graph, opts Options) *Report {
	r := newRun(data, opts)
	var results []Result
	r.sink = &results
	for _, s := range ss.All {
		if s.Deactivated || len(s.Targets) == 0 {
			continue
		}
		for _, focus := range r.focusNodes(s) {
			r.validate(s, focus)
			if r.full() {
				break
			}
		}
		if r.full() {
			break
		}
	}
	truncated := r.full()
	if truncated {
		results = results[:r.opts.MaxResults]
	}
	return &Report{Conforms: len(results) == 0, Results: results, Truncated: truncated}
}

// ValidateNode checks one focus node against one shape, whatever the shape's targets.
func (ss *Shapes) ValidateNode(data *graph.Graph, s *Shape, focus rdf.Term, opts Options) *Report {
	r := newRun(data, opts)
	var results []Result
	r.sink = &results
	r.validate(s, focus)
	return &Report{Conforms: len(results) == 0, Results: results, Truncated: r.full()}
}

type activeKey struct {
	shape *Shape
	focus rdf.Term
}

// run is the state of one validation.
type run struct {
	data    *graph.Graph
	opts    Options
	sink    *[]Result // where emit appends; swapped while checking conformance
	total   int       // results emitted into the report
	cycles  int       // times the recursion guard fired; conformance found meanwhile is not cached
	active  map[activeKey]bool
	conform map[activeKey]bool
	supers  map[rdf.Term]map[rdf.Term]bool

	lastFocus rdf.Term // one-entry cache of the data graph's edges, for eval
	lastEdges graph.Edges
}

func newRun(data *graph.Graph, opts Options) *run {
	return &run{
		data:    data,
		opts:    opts,
		active:  map[activeKey]bool{},
		conform: map[activeKey]bool{},
		supers:  map[rdf.Term]map[rdf.Term]bool{},
	}
}

func (r *run) full() bool { return r.opts.MaxResults > 0 && r.total >= r.opts.MaxResults }

// validate appends to the sink the results of focus against s
// (https://www.w3.org/TR/shacl/#value-nodes).
func (r *run) validate(s *Shape, focus rdf.Term) {
	if s.Deactivated {
		return
	}
	// Every cycle of shapes passes through a shape that refers to others: guard those only.
	if s.recursive {
		key := activeKey{s, focus}
		if r.active[key] {
			r.cycles++
			return // a recursive shape met again on the same node: counts as conforming
		}
		r.active[key] = true
		defer delete(r.active, key)
	}
	var values []rdf.Term
	if s.Path == nil {
		values = []rdf.Term{focus}
	} else {
		values = r.eval(s.Path, focus)
	}
	for _, c := range s.Constraints {
		c.check(r, s, focus, values)
	}
}

// conforms reports whether focus conforms to s: validating it gives no result of any severity.
func (r *run) conforms(focus rdf.Term, s *Shape) bool {
	key := activeKey{s, focus}
	if ok, cached := r.conform[key]; cached {
		return ok
	}
	saved, savedTotal, cycles := r.sink, r.total, r.cycles
	var tmp []Result
	r.sink = &tmp
	r.validate(s, focus)
	r.sink, r.total = saved, savedTotal
	ok := len(tmp) == 0
	if r.cycles == cycles {
		r.conform[key] = ok
	}
	return ok
}

func (r *run) emit(s *Shape, focus, value rdf.Term, c Constraint, msg string) {
	r.emitPath(s, focus, value, s.Path, c, msg)
}

func (r *run) emitPath(s *Shape, focus, value rdf.Term, path Path, c Constraint, msg string) {
	*r.sink = append(*r.sink, Result{
		Focus:     focus,
		Path:      path,
		Value:     value,
		Shape:     s.ID,
		ShapeName: s.Name,
		Component: c.Component(),
		Severity:  s.Severity,
		Messages:  s.Messages,
		Detail:    msg,
	})
	r.total++
}

// focusNodes returns the target nodes of s, each once, in data order
// (https://www.w3.org/TR/shacl/#targets).
func (r *run) focusNodes(s *Shape) []rdf.Term {
	// The common case, one class without subclasses: the graph's index is already a set.
	if len(s.Targets) == 1 && s.Targets[0].Kind == TargetClass {
		if cs := r.subclasses(s.Targets[0].Term, r.data); len(cs) == 1 {
			return r.data.Subjects(rdf.RDFType, cs[0])
		}
	}
	var out []rdf.Term
	seen := map[rdf.Term]bool{}
	add := func(t rdf.Term) {
		if !seen[t] {
			seen[t] = true
			out = append(out, t)
		}
	}
	for _, t := range s.Targets {
		switch t.Kind {
		case TargetNode:
			add(t.Term)
		case TargetClass:
			for _, c := range r.subclasses(t.Term, r.data) {
				for _, n := range r.data.Subjects(rdf.RDFType, c) {
					add(n)
				}
			}
		case TargetSubjectsOf, TargetObjectsOf:
			p, ok := t.Term.(rdf.IRI)
			if !ok {
				continue
			}
			r.data.WithPredicate(p, func(tr graph.Triple) bool {
				if t.Kind == TargetSubjectsOf {
					add(tr.S)
				} else {
					add(tr.O)
				}
				return true
			})
		}
	}
	return out
}

// subclasses returns c and every class below it by rdfs:subClassOf in g.
func (r *run) subclasses(c rdf.Term, g *graph.Graph) []rdf.Term {
	out := []rdf.Term{c}
	seen := map[rdf.Term]bool{c: true}
	for i := 0; i < len(out); i++ {
		for _, sub := range g.Subjects(rdfs.SubClassOf, out[i]) {
			if !seen[sub] {
				seen[sub] = true
				out = append(out, sub)
			}
		}
	}
	return out
}

// instanceOf reports whether n is a SHACL instance of c
// (https://www.w3.org/TR/shacl/#dfn-shacl-instance).
func (r *run) instanceOf(n, c rdf.Term) bool {
	for _, t := range r.data.Objects(n, rdf.RDFType) {
		if r.superclasses(t)[c] {
			return true
		}
	}
	return false
}

// superclasses returns t and every class above it, cached per run.
func (r *run) superclasses(t rdf.Term) map[rdf.Term]bool {
	if s, ok := r.supers[t]; ok {
		return s
	}
	set := map[rdf.Term]bool{t: true}
	queue := []rdf.Term{t}
	for len(queue) > 0 {
		c := queue[0]
		queue = queue[1:]
		for _, g := range r.classGraphs() {
			for _, sup := range g.Objects(c, rdfs.SubClassOf) {
				if !set[sup] {
					set[sup] = true
					queue = append(queue, sup)
				}
			}
		}
	}
	r.supers[t] = set
	return set
}

func (r *run) classGraphs() []*graph.Graph {
	if r.opts.Classes != nil && r.opts.Classes != r.data {
		return []*graph.Graph{r.data, r.opts.Classes}
	}
	return []*graph.Graph{r.data}
}

// short writes a term for messages, compacting IRIs of the known namespaces.
func short(t rdf.Term) string {
	if iri, ok := t.(rdf.IRI); ok {
		if c, ok := vocab.Compact(iri); ok {
			return c
		}
	}
	return t.String()
}
