package web

import (
	"fmt"
	"net/url"
	"sort"

	"github.com/labstack/echo/v4"

	"github.com/uitwisselingsplatform/uwp/rdf"
	"github.com/uitwisselingsplatform/uwp/triplestore"
)

// VoID vocabulary (https://www.w3.org/TR/void/).
const (
	voidNS      = "http://rdfs.org/ns/void#"
	voidDataset = rdf.IRI(voidNS + "Dataset")
	sdNS        = "http://www.w3.org/ns/sparql-service-description#"
)

// voidStats are the statistics of the VoID description, computed once per data version.
type voidStats struct {
	st      triplestore.Stats
	classes []classCount
	terms   map[triplestore.TermID]rdf.Term // predicates and graphs, decoded
}

type classCount struct {
	class    rdf.Term
	entities uint64
}

// voidStatistics reads the store's statistics and counts class partitions by one scan of
// the rdf:type statements (POS index: grouped by class, subjects sorted within).
func (s *Server) voidStatistics(tx *triplestore.Tx) (*voidStats, error) {
	v := s.store.DataVersion()
	s.voidMu.Lock()
	defer s.voidMu.Unlock()
	if s.voidSt != nil && s.voidV == v {
		return s.voidSt, nil
	}
	vs := &voidStats{terms: map[triplestore.TermID]rdf.Term{}}
	var err error
	if vs.st, err = tx.Stats(); err != nil {
		return nil, err
	}
	for id := range vs.st.Predicates {
		if vs.terms[id], err = tx.Term(id); err != nil {
			return nil, err
		}
	}
	for id := range vs.st.Graphs {
		if id == triplestore.DefaultGraph {
			continue
		}
		if vs.terms[id], err = tx.Term(id); err != nil {
			return nil, err
		}
	}
	if tid, ok, err := tx.LookupID(rdfType); err != nil {
		return nil, err
	} else if ok {
		counts := map[triplestore.TermID]uint64{}
		lastS := map[triplestore.TermID]triplestore.TermID{}
		it := tx.Match(triplestore.Pattern{0, tid, 0, 0})
		for it.Next() {
			q := it.Quad()
			if lastS[q[2]] != q[0] {
				counts[q[2]]++
				lastS[q[2]] = q[0]
			}
		}
		if err := it.Err(); err != nil {
			return nil, err
		}
		for c, n := range counts {
			t, err := tx.Term(c)
			if err != nil {
				return nil, err
			}
			vs.classes = append(vs.classes, classCount{t, n})
		}
		sort.Slice(vs.classes, func(i, j int) bool { return vs.classes[i].class.String() < vs.classes[j].class.String() })
	}
	s.voidV, s.voidSt = v, vs
	return vs, nil
}

// void answers /.well-known/void (https://www.w3.org/TR/void/#well-known): the dataset, its
// SPARQL endpoint and dump, totals, class and property partitions and one subset per named
// graph.
func (s *Server) void(c echo.Context) error {
	r := c.Request()
	f, ok := negotiateRDF(r, false)
	if !ok {
		f = rdf.Turtle // browsers following a link ask for HTML: give them the Turtle
	}
	c.Response().Header().Add("Vary", "Accept")
	if s.revalidate(c, fmt.Sprintf("void|%d", f)) {
		return nil
	}
	root := requestURL(r)
	ds := rdf.IRI(root + "/.well-known/void#dataset")
	var quads []rdf.Quad
	add := func(s, p rdf.Term, o rdf.Term) { quads = append(quads, rdf.Quad{Subject: s, Predicate: p, Object: o}) }
	n := func(v uint64) rdf.Term { return rdf.NewTypedLiteral(fmt.Sprint(v), rdf.XSDInteger) }
	vp := func(local string) rdf.IRI { return rdf.IRI(voidNS + local) }
	err := s.store.View(func(tx *triplestore.Tx) error {
		vs, err := s.voidStatistics(tx)
		if err != nil {
			return err
		}
		add(ds, rdfType, voidDataset)
		add(ds, rdf.IRI("http://purl.org/dc/terms/title"), rdf.NewLiteral(s.cfg.Title))
		add(ds, vp("sparqlEndpoint"), rdf.IRI(root+"/sparql"))
		add(ds, vp("dataDump"), rdf.IRI(root+"/data"))
		add(ds, vp("rootResource"), rdf.IRI(root+"/"))
		for _, b := range s.basesFor(r) {
			add(ds, vp("uriSpace"), rdf.NewLiteral(b))
		}
		add(ds, vp("triples"), n(vs.st.Quads))
		add(ds, vp("distinctSubjects"), n(vs.st.Subjects))
		add(ds, vp("distinctObjects"), n(vs.st.Objects))
		add(ds, vp("properties"), n(uint64(len(vs.st.Predicates))))
		add(ds, vp("classes"), n(uint64(len(vs.classes))))
		add(ds, vp("feature"), rdf.IRI("http://www.w3.org/ns/formats/Turtle"))
		for i, cc := range vs.classes {
			part := rdf.BlankNode(fmt.Sprintf("class%d", i))
			add(ds, vp("classPartition"), part)
			add(part, vp("class"), cc.class)
			add(part, vp("entities"), n(cc.entities))
		}
		preds := make([]triplestore.TermID, 0, len(vs.st.Predicates))
		for id := range vs.st.Predicates {
			preds = append(preds, id)
		}
		sort.Slice(preds, func(i, j int) bool { return vs.terms[preds[i]].String() < vs.terms[preds[j]].String() })
		for i, id := range preds {
			ps := vs.st.Predicates[id]
			part := rdf.BlankNode(fmt.Sprintf("prop%d", i))
			add(ds, vp("propertyPartition"), part)
			add(part, vp("property"), vs.terms[id])
			add(part, vp("triples"), n(ps.Count))
			add(part, vp("distinctSubjects"), n(ps.Subjects))
			add(part, vp("distinctObjects"), n(ps.Objects))
		}
		graphs := make([]triplestore.TermID, 0, len(vs.st.Graphs))
		for id := range vs.st.Graphs {
			if id != triplestore.DefaultGraph {
				graphs = append(graphs, id)
			}
		}
		sort.Slice(graphs, func(i, j int) bool { return vs.terms[graphs[i]].String() < vs.terms[graphs[j]].String() })
		if dn := vs.st.Graphs[triplestore.DefaultGraph]; dn > 0 {
			sub := rdf.BlankNode("defaultGraph")
			add(ds, vp("subset"), sub)
			add(sub, rdfType, voidDataset)
			add(sub, rdfsLabel, rdf.NewLiteral("default graph"))
			add(sub, vp("triples"), n(dn))
		}
		for i, id := range graphs {
			sub := rdf.BlankNode(fmt.Sprintf("graph%d", i))
			g := vs.terms[id]
			add(ds, vp("subset"), sub)
			add(sub, rdfType, voidDataset)
			add(sub, rdf.IRI(sdNS+"name"), g)
			add(sub, vp("triples"), n(vs.st.Graphs[id]))
			if gi, ok := g.(rdf.IRI); ok {
				add(sub, vp("dataDump"), rdf.IRI(root+"/data?graph="+url.QueryEscape(string(gi))))
			}
		}
		return nil
	})
	if err != nil {
		return err
	}
	return s.writeRDFWith(c, f, false, []rdf.Namespace{{Prefix: "void", IRI: voidNS}, {Prefix: "sd", IRI: sdNS}}, func(w rdf.Writer) error {
		for _, q := range quads {
			if err := w.Write(q); err != nil {
				return err
			}
		}
		return nil
	})
}
