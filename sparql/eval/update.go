package eval

import (
	"context"
	"fmt"
	"io"
	"net/url"
	"path/filepath"

	"github.com/uitwisselingsplatform/uwp/rdf"
	"github.com/uitwisselingsplatform/uwp/rdf/formats"
	"github.com/uitwisselingsplatform/uwp/sparql/algebra"
	"github.com/uitwisselingsplatform/uwp/sparql/syntax"
)

// Update runs the operations of an update request in order
// (https://www.w3.org/TR/sparql11-update/). Each operation sees the changes of the ones
// before it. All changes go to ds, which is one write transaction: on an error the caller
// must roll it back (the request is then not applied at all), otherwise commit it.
func Update(ctx context.Context, ds Updatable, u *syntax.Update, opts Options) (err error) {
	defer func() {
		if r := recover(); r != nil {
			err = fmt.Errorf("%w: %v", ErrInternal, r)
		}
	}()
	for i, op := range u.Operations {
		o := opts
		if i < len(u.Prologues) && u.Prologues[i].Base != "" {
			o.Base = u.Prologues[i].Base
		}
		up := &updater{ctx: ctx, ds: ds, opts: o}
		if err := up.run(op); err != nil {
			return fmt.Errorf("%s: %w", op.Position(), err)
		}
	}
	return nil
}

type updater struct {
	ctx  context.Context
	ds   Updatable
	opts Options
	q    *query // for fresh blank nodes
}

func (u *updater) fresh() *query {
	if u.q == nil {
		u.q = newQuery(u.ctx, u.ds, u.opts)
	}
	return u.q
}

func (u *updater) run(op syntax.Operation) error {
	switch o := op.(type) {
	case *syntax.InsertData:
		// https://www.w3.org/TR/sparql11-update/#insertData: blank nodes are fresh, one per
		// label in the request's data.
		q := u.fresh()
		bnodes := map[rdf.BlankNode]rdf.BlankNode{}
		for _, x := range o.Quads {
			quad, ok := instantiate(q, x, nil, bnodes, "")
			if ok {
				if err := u.ds.Add(quad); err != nil {
					return err
				}
			}
		}
		return nil
	case *syntax.DeleteData:
		for _, x := range o.Quads {
			quad, ok := instantiate(nil, x, nil, nil, "")
			if ok {
				if err := u.ds.Remove(quad); err != nil {
					return err
				}
			}
		}
		return nil
	case *syntax.DeleteWhere:
		return u.modify("", o.Quads, nil, nil, algebra.TranslateQuads(o.Quads))
	case *syntax.Modify:
		where, err := algebra.TranslatePattern(o.Where)
		if err != nil {
			return err
		}
		if !o.HasDelete {
			o.Delete = nil
		}
		return u.modify(o.With, o.Delete, o.Insert, o.Using, where)
	case *syntax.Load:
		return u.load(o)
	case *syntax.Clear:
		return u.clear(o.Target, o.Silent, false)
	case *syntax.Drop:
		return u.clear(o.Target, o.Silent, true)
	case *syntax.Create:
		exists, err := u.exists(o.Graph)
		if err != nil {
			return err
		}
		if exists && !o.Silent {
			return fmt.Errorf("%w: CREATE GRAPH <%s>: the graph exists", ErrUpdate, o.Graph)
		}
		return u.ds.CreateGraph(o.Graph)
	case *syntax.Transfer:
		return u.transfer(o)
	default:
		panic(fmt.Sprintf("unreachable: %T", op))
	}
}

// instantiate makes a quad of a template for solution b (nil: no variables). with names the
// graph of quads outside GRAPH ("" for the default graph). bnodes maps template blank nodes
// to fresh ones (nil: blank nodes are kept as written). ok is false for a quad with an
// unbound variable or that is not valid RDF; such quads are skipped
// (https://www.w3.org/TR/sparql11-update/#deleteInsert).
func instantiate(q *query, x syntax.Quad, b Binding, bnodes map[rdf.BlankNode]rdf.BlankNode, with rdf.IRI) (rdf.Quad, bool) {
	val := func(n syntax.Node) rdf.Term {
		if n.IsVar() {
			if q == nil || b == nil {
				return nil
			}
			s, ok := q.vars[n.Var]
			if !ok {
				return nil
			}
			t, err := q.term(b[s])
			if err != nil {
				return nil
			}
			return t
		}
		if bn, ok := n.Term.(rdf.BlankNode); ok && bnodes != nil {
			l, ok := bnodes[bn]
			if !ok {
				l = q.freshBNode()
				bnodes[bn] = l
			}
			return l
		}
		return n.Term
	}
	s, p, o := val(x.S), val(x.P), val(x.O)
	if !validTriple(s, p, o) {
		return rdf.Quad{}, false
	}
	quad := rdf.Quad{Subject: s, Predicate: p, Object: o}
	if x.HasGraph() {
		g := val(x.Graph)
		if _, ok := g.(rdf.IRI); !ok {
			return rdf.Quad{}, false
		}
		quad.Graph = g
	} else if with != "" {
		quad.Graph = with
	}
	return quad, true
}

// modify implements DELETE/INSERT (https://www.w3.org/TR/sparql11-update/#deleteInsert) and
// DELETE WHERE: the WHERE pattern is evaluated first, then every deletion is applied, then
// every insertion.
func (u *updater) modify(with rdf.IRI, del, ins []syntax.Quad, using []syntax.Dataset, where algebra.Op) error {
	q := u.fresh()
	switch {
	case len(using) > 0:
		if err := q.dataset(using); err != nil {
			return err
		}
	case with != "":
		q.defaults = graphs{}
		if id, ok, err := u.ds.LookupID(with); err != nil {
			return err
		} else if ok {
			q.defaults.ids = []ID{id}
		}
		named, err := u.ds.NamedGraphs()
		if err != nil {
			return err
		}
		q.named = named
	default:
		if err := q.dataset(nil); err != nil {
			return err
		}
	}
	q.collect(where)
	sols, err := q.drain(q.eval(where, &env{active: q.defaults}, q.newRow()))
	if err != nil {
		return err
	}
	var dels, adds []rdf.Quad
	for _, b := range sols {
		for _, x := range del {
			if quad, ok := instantiate(q, x, b, nil, with); ok {
				dels = append(dels, quad)
			}
		}
		bnodes := map[rdf.BlankNode]rdf.BlankNode{}
		for _, x := range ins {
			if quad, ok := instantiate(q, x, b, bnodes, with); ok {
				adds = append(adds, quad)
			}
		}
	}
	for _, quad := range dels {
		if err := u.ds.Remove(quad); err != nil {
			return err
		}
	}
	for _, quad := range adds {
		if err := u.ds.Add(quad); err != nil {
			return err
		}
	}
	return nil
}

// exists reports whether the named graph g exists.
func (u *updater) exists(g rdf.IRI) (bool, error) {
	id, ok, err := u.ds.LookupID(g)
	if err != nil || !ok {
		return false, err
	}
	named, err := u.ds.NamedGraphs()
	if err != nil {
		return false, err
	}
	for _, x := range named {
		if x == id {
			return true, nil
		}
	}
	return false, nil
}

// quadsOf returns the quads of graph id (DefaultGraph or a named graph), at most max of
// them when max > 0.
func (u *updater) quadsOf(id ID, max int) ([]rdf.Quad, error) {
	it := u.ds.Match(u.ctx, Pattern{0, 0, 0, id})
	defer it.Close()
	var out []rdf.Quad
	for (max <= 0 || len(out) < max) && it.Next() {
		x := it.Quad()
		var ts [4]rdf.Term
		for i := 0; i < 4; i++ {
			if i == 3 && x[3] == DefaultGraph {
				continue
			}
			t, err := u.ds.Term(x[i])
			if err != nil {
				return nil, err
			}
			ts[i] = t
		}
		out = append(out, rdf.Quad{Subject: ts[0], Predicate: ts[1], Object: ts[2], Graph: ts[3]})
	}
	return out, it.Err()
}

func (u *updater) graphID(g rdf.IRI) (ID, bool, error) {
	if g == "" {
		return DefaultGraph, true, nil
	}
	return u.ds.LookupID(g)
}

// removeAll empties graph g ("" for the default graph).
func (u *updater) removeAll(g rdf.IRI) error {
	id, ok, err := u.graphID(g)
	if err != nil || !ok {
		return err
	}
	// A batch at a time, each read afresh (an iterator need not survive the removals of its
	// own transaction), so that a large graph is never held in memory whole.
	var first rdf.Quad
	for {
		qs, err := u.quadsOf(id, removeAllBatch)
		if err != nil || len(qs) == 0 {
			return err
		}
		if qs[0] == first {
			return fmt.Errorf("%w: emptying graph %v made no progress", ErrUnsupported, g)
		}
		first = qs[0]
		for _, x := range qs {
			if err := u.ds.Remove(x); err != nil {
				return err
			}
		}
		if err := u.ctx.Err(); err != nil {
			return err
		}
	}
}

// removeAllBatch is how many quads removeAll reads per batch.
const removeAllBatch = 1 << 14

// clear implements CLEAR (https://www.w3.org/TR/sparql11-update/#clear) and, with drop,
// DROP (#drop).
func (u *updater) clear(t syntax.GraphRef, silent, drop bool) error {
	namedAll := func() error {
		named, err := u.ds.NamedGraphs()
		if err != nil {
			return err
		}
		for _, id := range named {
			g, err := u.ds.Term(id)
			if err != nil {
				return err
			}
			iri, _ := g.(rdf.IRI)
			if drop {
				err = u.ds.DropGraph(iri)
			} else {
				err = u.removeAll(iri)
			}
			if err != nil {
				return err
			}
		}
		return nil
	}
	switch t.Target {
	case syntax.TargetDefault:
		return u.removeAll("")
	case syntax.TargetNamed:
		return namedAll()
	case syntax.TargetAll:
		if err := u.removeAll(""); err != nil {
			return err
		}
		return namedAll()
	}
	exists, err := u.exists(t.IRI)
	if err != nil {
		return err
	}
	if !exists {
		if silent {
			return nil
		}
		return fmt.Errorf("%w: graph <%s> does not exist", ErrUpdate, t.IRI)
	}
	if drop {
		return u.ds.DropGraph(t.IRI)
	}
	return u.removeAll(t.IRI)
}

// transfer implements ADD, MOVE and COPY (https://www.w3.org/TR/sparql11-update/#add,
// #move, #copy).
func (u *updater) transfer(o *syntax.Transfer) error {
	from, to := rdf.IRI(""), rdf.IRI("")
	if o.From.Target == syntax.TargetGraph {
		from = o.From.IRI
	}
	if o.To.Target == syntax.TargetGraph {
		to = o.To.IRI
	}
	if from == to {
		return nil
	}
	if from != "" {
		exists, err := u.exists(from)
		if err != nil {
			return err
		}
		if !exists {
			if o.Silent {
				return nil
			}
			return fmt.Errorf("%w: %s: graph <%s> does not exist", ErrUpdate, o.Kind, from)
		}
	}
	id, _, err := u.graphID(from)
	if err != nil {
		return err
	}
	qs, err := u.quadsOf(id, 0)
	if err != nil {
		return err
	}
	if o.Kind != syntax.Add {
		if to == "" {
			err = u.removeAll("")
		} else {
			err = u.ds.DropGraph(to)
		}
		if err != nil {
			return err
		}
	}
	if to != "" {
		if err := u.ds.CreateGraph(to); err != nil {
			return err
		}
	}
	for _, x := range qs {
		if to == "" {
			x.Graph = nil
		} else {
			x.Graph = to
		}
		if err := u.ds.Add(x); err != nil {
			return err
		}
	}
	if o.Kind == syntax.Move {
		if from == "" {
			return u.removeAll("")
		}
		return u.ds.DropGraph(from)
	}
	return nil
}

// load implements LOAD (https://www.w3.org/TR/sparql11-update/#load): the document's triples
// go into the target graph with fresh blank nodes. Any failure is ignored with SILENT.
func (u *updater) load(o *syntax.Load) error {
	err := u.loadDoc(o)
	if err != nil && o.Silent {
		return nil
	}
	return err
}

func (u *updater) loadDoc(o *syntax.Load) error {
	var r rdf.Reader
	var err error
	if u.opts.Load != nil {
		r, err = u.opts.Load(u.ctx, string(o.Source))
	} else {
		r, err = loadFile(string(o.Source))
	}
	if err != nil {
		return fmt.Errorf("%w: LOAD <%s>: %v", ErrUpdate, o.Source, err)
	}
	if c, ok := r.(io.Closer); ok {
		defer c.Close()
	}
	q := u.fresh()
	bnodes := map[rdf.BlankNode]rdf.BlankNode{}
	ren := func(t rdf.Term) rdf.Term {
		if b, ok := t.(rdf.BlankNode); ok {
			l, ok := bnodes[b]
			if !ok {
				l = q.freshBNode()
				bnodes[b] = l
			}
			return l
		}
		return t
	}
	var batch []rdf.Quad
	for {
		x, err := r.Read()
		if err == io.EOF {
			break
		}
		if err != nil {
			return fmt.Errorf("%w: LOAD <%s>: %v", ErrUpdate, o.Source, err)
		}
		x.Subject, x.Object = ren(x.Subject), ren(x.Object)
		x.Graph = nil
		if o.Into != "" {
			x.Graph = o.Into
		}
		batch = append(batch, x)
	}
	// Only a document read to its end is added: a failed LOAD changes nothing.
	for _, x := range batch {
		if err := u.ds.Add(x); err != nil {
			return err
		}
	}
	return nil
}

type closingReader struct {
	rdf.Reader
	f *formats.File
}

func (c *closingReader) Close() error { return c.f.Close() }

// loadFile opens a local file: URL with the format its name announces.
func loadFile(iri string) (rdf.Reader, error) {
	uri, err := url.Parse(iri)
	if err != nil || uri.Scheme != "file" {
		return nil, fmt.Errorf("only file: URLs can be loaded (got %q)", iri)
	}
	path := filepath.FromSlash(uri.Path)
	f, _, ok := formats.Detect(path)
	if !ok {
		return nil, fmt.Errorf("%s: unknown RDF format", path)
	}
	fh, err := formats.Open(path)
	if err != nil {
		return nil, err
	}
	r, err := formats.NewReader(f, fh, rdf.ReadOptions{Base: iri, File: path})
	if err != nil {
		fh.Close()
		return nil, err
	}
	return &closingReader{Reader: r, f: fh}, nil
}
