package eval

import (
	"fmt"
	"strings"

	"github.com/uitwisselingsplatform/uwp/sparql/algebra"
)

// Profile records what one evaluation did per algebra operator, for EXPLAIN-style output.
// Set Options.Profile to a new Profile before Query; read it after the result has been
// consumed. A Profile serves one query.
type Profile struct {
	// Op is the algebra that was evaluated: the translation after the passes of package opt
	// (set by Query and Plan).
	Op algebra.Op
	// Algebra is the algebra the query was translated to, before optimisation.
	Algebra algebra.Op
	// Passes names the optimiser passes that fired, in order (empty when none did or with
	// Options.NoOptimize).
	Passes  []string
	stats   map[algebra.Op]*OpStats
	aliases map[algebra.Op]algebra.Op // operators the evaluator made in place of others (sink.go)
}

// OpStats are the actual figures of one operator: how often it was evaluated (an index
// nested-loop join evaluates its right side once per left solution) and how many solutions
// it produced in all. For a BGP, Order is the order its triple patterns were matched in
// (indexes into BGP.Triples) and Estimates the dataset's estimates that chose it, for the
// first evaluation.
type OpStats struct {
	Calls, Rows int64
	// Pushed is set on a Filter whose conjuncts were checked inside the nested loops of the
	// BGP below it (that BGP's figures then count the filtered solutions).
	Pushed    bool
	Order     []int
	Estimates []uint64
	// Hashed marks, per position of Order, the BGP levels that switched from index lookups to
	// a hashed scan (bgphash.go) in some evaluation.
	Hashed []bool
}

// Stats returns the figures of op (zero when it was never evaluated).
func (p *Profile) Stats(op algebra.Op) OpStats {
	if s := p.stats[op]; s != nil {
		return *s
	}
	return OpStats{}
}

func (p *Profile) get(op algebra.Op) *OpStats {
	if o, ok := p.aliases[op]; ok {
		op = o
	}
	if p.stats == nil {
		p.stats = map[algebra.Op]*OpStats{}
	}
	s := p.stats[op]
	if s == nil {
		s = &OpStats{}
		p.stats[op] = s
	}
	return s
}

// countRows counts the solutions an operator hands out.
type countRows struct {
	rows
	s *OpStats
}

func (c *countRows) Next() bool {
	if c.rows.Next() {
		c.s.Rows++
		return true
	}
	return false
}

// Explain prints the operator tree with the actual figures, one operator per line:
//
//	(project (?s) rows=3 calls=1
//	  (bgp rows=3 calls=1
//	    (triple ?s <p> ?o) est=3
func (p *Profile) Explain() string {
	var b strings.Builder
	p.explain(&b, p.Op, 0, true)
	return b.String()
}

// Plan prints the operator tree like Explain but without the actual figures: what Plan
// returns, or what a Profile of a run knows before the run.
//
//	(project (?s)
//	  (bgp
//	    (triple ?s <p> ?o) est=3
func (p *Profile) Plan() string {
	var b strings.Builder
	p.explain(&b, p.Op, 0, false)
	return b.String()
}

func (p *Profile) explain(b *strings.Builder, op algebra.Op, depth int, actual bool) {
	ind := strings.Repeat("  ", depth)
	s := p.Stats(op)
	head, kids := describeOp(op)
	if actual {
		pushed := ""
		if s.Pushed {
			pushed = " pushed"
		}
		fmt.Fprintf(b, "%s(%s rows=%d calls=%d%s\n", ind, head, s.Rows, s.Calls, pushed)
	} else {
		fmt.Fprintf(b, "%s(%s\n", ind, head)
	}
	if bgp, ok := op.(*algebra.BGP); ok {
		order := s.Order
		if order == nil {
			for i := range bgp.Triples {
				order = append(order, i)
			}
		}
		for k, i := range order {
			t := bgp.Triples[i]
			est := ""
			if k < len(s.Estimates) {
				est = fmt.Sprintf(" est=%d", s.Estimates[k])
			}
			if actual && k < len(s.Hashed) && s.Hashed[k] {
				est += " hashed"
			}
			fmt.Fprintf(b, "%s  (triple %s %s %s)%s\n", ind, algebra.FormatNode(t.S), algebra.FormatNode(t.P), algebra.FormatNode(t.O), est)
		}
	}
	for _, k := range kids {
		p.explain(b, k, depth+1, actual)
	}
}

// describeOp returns an operator's head (its name and non-operator arguments) and operands.
func describeOp(op algebra.Op) (string, []algebra.Op) {
	switch o := op.(type) {
	case *algebra.BGP:
		return "bgp", nil
	case *algebra.Path:
		return fmt.Sprintf("path %s %s %s", algebra.FormatNode(o.S), o.Path, algebra.FormatNode(o.O)), nil
	case *algebra.Join:
		return "join", []algebra.Op{o.Left, o.Right}
	case *algebra.LeftJoin:
		if o.Expr != nil {
			return "leftjoin " + o.Expr.String(), []algebra.Op{o.Left, o.Right}
		}
		return "leftjoin", []algebra.Op{o.Left, o.Right}
	case *algebra.Filter:
		var es []string
		for _, e := range o.Exprs {
			es = append(es, e.String())
		}
		return "filter " + strings.Join(es, " "), []algebra.Op{o.Op}
	case *algebra.Union:
		return "union", []algebra.Op{o.Left, o.Right}
	case *algebra.Graph:
		return "graph " + algebra.FormatNode(o.Name), []algebra.Op{o.Op}
	case *algebra.Extend:
		return fmt.Sprintf("extend (%s %s)", o.Var, o.Expr), []algebra.Op{o.Op}
	case *algebra.Minus:
		return "minus", []algebra.Op{o.Left, o.Right}
	case *algebra.Table:
		return fmt.Sprintf("table %d rows", len(o.Rows)), nil
	case *algebra.Service:
		return "service " + algebra.FormatNode(o.Name), []algebra.Op{o.Op}
	case *algebra.Group:
		return fmt.Sprintf("group %d keys %d aggregates", len(o.Keys), len(o.Aggs)), []algebra.Op{o.Op}
	case *algebra.OrderBy:
		return fmt.Sprintf("order %d keys", len(o.Conds)), []algebra.Op{o.Op}
	case *algebra.Project:
		var vs []string
		for _, v := range o.Vars {
			vs = append(vs, v.String())
		}
		return "project (" + strings.Join(vs, " ") + ")", []algebra.Op{o.Op}
	case *algebra.Distinct:
		return "distinct", []algebra.Op{o.Op}
	case *algebra.Reduced:
		return "reduced", []algebra.Op{o.Op}
	case *algebra.Slice:
		return fmt.Sprintf("slice %d %d", o.Offset, o.Limit), []algebra.Op{o.Op}
	default:
		panic(fmt.Sprintf("unreachable: %T", op))
	}
}
