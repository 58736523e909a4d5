package rdf

import (
	"hash/fnv"
	"slices"
	"sort"
	"strings"
)

// Isomorphic reports whether two datasets are isomorphic: equal up to a renaming of blank
// nodes, with one bijection for all graphs (graph names may be blank too). It extends
// RDF 1.1 Concepts graph isomorphism (https://www.w3.org/TR/rdf11-concepts/#graph-isomorphism)
// to datasets. Duplicate quads count once, as a dataset is a set.
//
// The algorithm colours blank nodes by hashing their neighbourhoods until the colouring is
// stable, then, while colour classes remain with more than one node, tries each candidate
// pairing of one node and refines again (backtracking). Ground quads are compared directly.
func Isomorphic(a, b []Quad) bool {
	x, y := newIsoSide(a), newIsoSide(b)
	if len(x.set) != len(y.set) || len(x.quads) != len(y.quads) || len(x.blanks) != len(y.blanks) {
		return false
	}
	for q := range x.ground {
		if _, ok := y.ground[q]; !ok {
			return false
		}
	}
	if len(x.ground) != len(y.ground) {
		return false
	}
	if len(x.blanks) == 0 {
		return true
	}
	ca, cb := make([]uint64, len(x.blanks)), make([]uint64, len(y.blanks))
	return isoSearch(x, y, ca, cb, 1)
}

type isoSide struct {
	quads  []Quad            // distinct quads with at least one blank node
	ground map[Quad]struct{} // distinct ground quads
	set    map[Quad]struct{} // all distinct quads
	blanks []BlankNode       // distinct blank nodes, by index
	index  map[BlankNode]int // blank node -> index in blanks
	hash   [][4]uint64       // per quad in quads: hash of each non-blank position
	bpos   [][4]int          // per quad in quads: blank index at each position, -1 if none
}

func newIsoSide(qs []Quad) *isoSide {
	s := &isoSide{ground: map[Quad]struct{}{}, index: map[BlankNode]int{}, set: map[Quad]struct{}{}}
	for _, q := range qs {
		if _, dup := s.set[q]; dup {
			continue
		}
		s.set[q] = struct{}{}
		terms := [4]Term{q.Subject, q.Predicate, q.Object, q.Graph}
		var h [4]uint64
		bp := [4]int{-1, -1, -1, -1}
		hasBlank := false
		for i, t := range terms {
			if bn, ok := t.(BlankNode); ok {
				hasBlank = true
				k, seen := s.index[bn]
				if !seen {
					k = len(s.blanks)
					s.index[bn] = k
					s.blanks = append(s.blanks, bn)
				}
				bp[i] = k
				continue
			}
			h[i] = termHash(t)
		}
		if !hasBlank {
			s.ground[q] = struct{}{}
			continue
		}
		s.quads = append(s.quads, q)
		s.hash = append(s.hash, h)
		s.bpos = append(s.bpos, bp)
	}
	return s
}

func termHash(t Term) uint64 {
	if t == nil {
		return 0x9e3779b97f4a7c15
	}
	h := fnv.New64a()
	h.Write([]byte{byte(t.Kind())})
	h.Write([]byte(t.String()))
	return mix(h.Sum64())
}

// mix is the splitmix64 finaliser; it spreads bits so sums of mixed values behave as a
// multiset hash.
func mix(x uint64) uint64 {
	x ^= x >> 30
	x *= 0xbf58476d1ce4e5b9
	x ^= x >> 27
	x *= 0x94d049bb133111eb
	x ^= x >> 31
	return x
}

// refine computes one round of neighbourhood colours.
func (s *isoSide) refine(c []uint64) []uint64 {
	acc := make([]uint64, len(c))
	for qi, bp := range s.bpos {
		h := s.hash[qi]
		for i, k := range bp {
			if k < 0 {
				continue
			}
			sig := uint64(i + 1)
			for j, kj := range bp {
				var v uint64
				switch {
				case kj == k:
					v = 0x5bd1e995 // the node itself
				case kj >= 0:
					v = c[kj]
				default:
					v = h[j]
				}
				sig = mix(sig*31 + v + uint64(j))
			}
			acc[k] += mix(sig)
		}
	}
	out := make([]uint64, len(c))
	for k := range c {
		out[k] = mix(c[k]*0x100000001b3 ^ acc[k])
	}
	return out
}

// histogram compares the colour multisets of a and b and counts the classes of a.
func histogram(a, b []uint64) (classes int, same bool) {
	count := make(map[uint64]int, len(a))
	for _, v := range a {
		count[v]++
	}
	classes = len(count)
	for _, v := range b {
		n := count[v] - 1
		if n < 0 {
			return classes, false
		}
		count[v] = n
	}
	return classes, true // len(a) == len(b) and no colour of b is missing from a
}

// stabilise refines both colourings in lockstep until the number of classes stops growing.
func stabilise(x, y *isoSide, ca, cb []uint64) ([]uint64, []uint64, bool) {
	n, ok := histogram(ca, cb)
	if !ok {
		return nil, nil, false
	}
	for {
		na, nb := x.refine(ca), y.refine(cb)
		m, ok := histogram(na, nb)
		if !ok {
			return nil, nil, false
		}
		ca, cb = na, nb
		if m == n {
			return ca, cb, true
		}
		n = m
	}
}

func isoSearch(x, y *isoSide, ca, cb []uint64, depth uint64) bool {
	ca, cb, ok := stabilise(x, y, ca, cb)
	if !ok {
		return false
	}
	// Find the smallest colour class with more than one member.
	count := map[uint64]int{}
	for _, v := range ca {
		count[v]++
	}
	var pick uint64
	best := 0
	for _, v := range ca { // iterate in node order for determinism
		if n := count[v]; n > 1 && (best == 0 || n < best) {
			best, pick = n, v
		}
	}
	if best == 0 {
		return x.maps(y, ca, cb)
	}
	xi := slices.Index(ca, pick)
	tag := mix(pick ^ mix(depth*0x2545F4914F6CDD1D))
	for yi, v := range cb {
		if v != pick {
			continue
		}
		na, nb := slices.Clone(ca), slices.Clone(cb)
		na[xi], nb[yi] = tag, tag
		if isoSearch(x, y, na, nb, depth+1) {
			return true
		}
	}
	return false
}

// maps checks that the bijection given by equal (all distinct) colours maps x onto y.
func (x *isoSide) maps(y *isoSide, ca, cb []uint64) bool {
	byColour := make(map[uint64]BlankNode, len(cb))
	for k, v := range cb {
		byColour[v] = y.blanks[k]
	}
	sub := func(t Term) Term {
		if bn, ok := t.(BlankNode); ok {
			return byColour[ca[x.index[bn]]]
		}
		return t
	}
	for _, q := range x.quads {
		m := Quad{Subject: sub(q.Subject), Predicate: sub(q.Predicate), Object: sub(q.Object)}
		if q.Graph != nil {
			m.Graph = sub(q.Graph)
		}
		if _, ok := y.set[m]; !ok {
			return false
		}
	}
	return true
}

// Diff describes how two datasets differ, for test failure messages: the N-Quads lines
// found only in a ("- ") or only in b ("+ "), sorted. Blank node labels are compared as
// written, so an Isomorphic pair may still show blank-node lines; the ground lines are
// what usually matters. It returns "" when the sets are equal.
func Diff(a, b []Quad) string {
	sa, sb := quadLines(a), quadLines(b)
	var out []string
	for l := range sa {
		if _, ok := sb[l]; !ok {
			out = append(out, "- "+l)
		}
	}
	for l := range sb {
		if _, ok := sa[l]; !ok {
			out = append(out, "+ "+l)
		}
	}
	sort.Slice(out, func(i, j int) bool { return out[i][2:] < out[j][2:] })
	return strings.Join(out, "\n")
}

func quadLines(qs []Quad) map[string]struct{} {
	m := make(map[string]struct{}, len(qs))
	for _, q := range qs {
		m[q.String()] = struct{}{}
	}
	return m
}
