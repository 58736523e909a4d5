package eval

// Binding is one solution: one ID slot per variable of the query (the evaluator's variable
// table), 0 for unbound. A Binding handed out by an iterator is never changed afterwards.
type Binding []ID

// rows is the streaming iterator every operator implements: Next advances (false at the end
// or on an error), Row is the current solution, Err the error that ended the iteration.
// Close releases resources; it may be called at any time, more than once.
type rows interface {
	Next() bool
	Row() Binding
	Err() error
	Close()
}

// sliceRows iterates a materialised list of solutions.
type sliceRows struct {
	rs  []Binding
	pos int
	cur Binding
	err error
}

func (s *sliceRows) Next() bool {
	if s.err != nil || s.pos >= len(s.rs) {
		return false
	}
	s.cur = s.rs[s.pos]
	s.pos++
	return true
}
func (s *sliceRows) Row() Binding { return s.cur }
func (s *sliceRows) Err() error   { return s.err }
func (s *sliceRows) Close()       { s.pos = len(s.rs) }

func errRows(err error) rows { return &sliceRows{err: err} }

// drain materialises r, counting the memory against the query's budget.
func (q *query) drain(r rows) ([]Binding, error) {
	defer r.Close()
	var out []Binding
	for r.Next() {
		if err := q.grow(q.rowSize()); err != nil {
			return nil, err
		}
		out = append(out, r.Row())
	}
	return out, r.Err()
}

// compatible reports whether a and b agree on every variable bound in both
// (https://www.w3.org/TR/sparql11-query/#defn_algCompatibleMapping).
func compatible(a, b Binding) bool {
	for i, x := range a {
		if x != 0 && b[i] != 0 && x != b[i] {
			return false
		}
	}
	return true
}

// merge returns a ∪ b for compatible a and b, as a new Binding.
func (q *query) merge(a, b Binding) Binding {
	r := q.newRow()
	copy(r, a)
	for i, x := range b {
		if x != 0 {
			r[i] = x
		}
	}
	return r
}

// disjoint reports whether a and b share no bound variable.
func disjoint(a, b Binding) bool {
	for i, x := range a {
		if x != 0 && b[i] != 0 {
			return false
		}
	}
	return true
}
