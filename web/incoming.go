package web

import (
	"net/http"
	"net/url"
	"slices"
	"sort"
	"strconv"
	"strings"

	"github.com/uitwisselingsplatform/uwp/rdf"
	"github.com/uitwisselingsplatform/uwp/triplestore"
)

// countCap is how far incoming links of one predicate are counted exactly; beyond it the
// page shows the statistics' estimate. It keeps a page fast for a resource with a million
// incoming links.
const countCap = 10000

// maxIncomingPreds bounds the predicate groups of incoming links on a page.
const maxIncomingPreds = 50

// incomingViews groups the statements pointing at iri by predicate. The predicates come from
// the store's statistics, each probed with one seek of the POS index (P and O bound); the
// links of a group are read a page at a time from that index, so the cost of a page depends
// on its page size and offset, not on how many links there are. The query parameters inc
// (a predicate IRI) and page select the page of one group.
func (s *Server) incomingViews(tx *triplestore.Tx, r *http.Request, lb *labeler, iri rdf.IRI, docPath string) ([]incomingView, error) {
	oid, ok, err := tx.LookupID(iri)
	if err != nil || !ok {
		return nil, err
	}
	// One scan of the OSP index finds the predicates (and, when the links are few, all of
	// them); only a hub with more than scanAll links has each predicate probed in POS.
	const scanAll = 4096
	bySubject := map[triplestore.TermID][]triplestore.TermID{} // predicate -> subjects, when complete
	it := tx.Match(triplestore.Pattern{0, 0, oid, 0})
	n := 0
	for n < scanAll && it.Next() {
		qd := it.Quad()
		ss := bySubject[qd[1]]
		if len(ss) == 0 || ss[len(ss)-1] != qd[0] {
			bySubject[qd[1]] = append(ss, qd[0])
		}
		n++
	}
	complete := !it.Next()
	err = it.Err()
	it.Close()
	if err != nil {
		return nil, err
	}
	var preds []triplestore.TermID
	if complete {
		for p := range bySubject {
			preds = append(preds, p)
		}
	} else {
		st, err := tx.Stats()
		if err != nil {
			return nil, err
		}
		for p := range st.Predicates {
			preds = append(preds, p)
		}
	}
	sort.Slice(preds, func(i, j int) bool { return preds[i] < preds[j] })
	term := tx.Term
	if lb.dec != nil {
		term = lb.dec.term // the labels of the items then need no ID lookups
	}
	q := r.URL.Query()
	selPred, selPage := q.Get("inc"), 1
	if n, err := strconv.Atoi(q.Get("page")); err == nil && n > 1 {
		selPage = n
	}
	size := s.cfg.IncomingPageSize
	var out []incomingView
	for _, p := range preds {
		if len(out) >= maxIncomingPreds {
			break
		}
		pat := triplestore.Pattern{0, p, oid, 0}
		if !complete {
			it := tx.Match(pat)
			has := it.Next()
			err := it.Err()
			it.Close()
			if err != nil {
				return nil, err
			}
			if !has {
				continue
			}
		}
		pt, err := term(p)
		if err != nil {
			return nil, err
		}
		pv := incomingView{Pred: s.link(r, lb, pt), Page: 1}
		page := 1
		if string(pt.(rdf.IRI)) == selPred {
			page = selPage
		}
		pv.Page = page
		start := uint64((page - 1) * size)
		item := func(sid triplestore.TermID) error {
			t, err := term(sid)
			if err != nil {
				return err
			}
			l := linkView{Label: s.labelOf(r, lb, t)}
			if i, ok := t.(rdf.IRI); ok {
				l.IRI, l.Href = string(i), s.href(r, string(i))
			}
			pv.Items = append(pv.Items, l)
			return nil
		}
		var n uint64
		more := false
		if complete {
			ss := bySubject[p]
			slices.Sort(ss)
			ss = slices.Compact(ss) // the same subject in several graphs
			n = uint64(len(ss))
			for i := start; i < n && i < start+uint64(size); i++ {
				if err := item(ss[i]); err != nil {
					return nil, err
				}
			}
		} else {
			// One scan of POS: skip to the page, collect it, go on counting up to the cap.
			it := tx.Match(pat)
			var last triplestore.TermID
			for it.Next() && (n < countCap || n < start+uint64(size)) {
				sid := it.Quad()[0]
				if sid == last { // the same subject in several graphs
					continue
				}
				last = sid
				if n >= start && n < start+uint64(size) {
					if err := item(sid); err != nil {
						it.Close()
						return nil, err
					}
				}
				n++
			}
			err := it.Err()
			more = it.Next()
			it.Close()
			if err != nil {
				return nil, err
			}
		}
		pv.Count = n
		if more {
			est, err := tx.Estimate(pat)
			if err != nil {
				return nil, err
			}
			pv.Count, pv.Approx = max(est, n), true
		}
		link := func(pg int) string {
			sep := "?"
			if strings.Contains(docPath, "?") {
				sep = "&"
			}
			dp := strings.TrimSuffix(strings.TrimSuffix(docPath, "&format="), "?format=")
			return dp + sep + "inc=" + url.QueryEscape(string(pt.(rdf.IRI))) + "&page=" + strconv.Itoa(pg) + "#incoming"
		}
		if page > 1 {
			pv.Prev = link(page - 1)
		}
		if uint64(page*size) < pv.Count {
			pv.Next = link(page + 1)
		}
		out = append(out, pv)
	}
	sort.SliceStable(out, func(i, j int) bool { return out[i].Count > out[j].Count })
	return out, nil
}
