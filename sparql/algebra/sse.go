package algebra

import (
	"fmt"
	"regexp"
	"strconv"
	"strings"

	"github.com/uitwisselingsplatform/uwp/rdf"
	"github.com/uitwisselingsplatform/uwp/sparql/syntax"
)

// SSE (https://jena.apache.org/documentation/notes/sse.html) printing. Operators print over
// several lines, two spaces of indent per level; expressions and paths print on one line.

var (
	integerRE = regexp.MustCompile(`^[+-]?[0-9]+$`)
	decimalRE = regexp.MustCompile(`^[+-]?[0-9]*\.[0-9]+$`)
	doubleRE  = regexp.MustCompile(`^[+-]?([0-9]+(\.[0-9]*)?|\.[0-9]+)[eE][+-]?[0-9]+$`)
)

// FormatTerm prints a term as SSE: <iri>, "lex"@lang, "lex"^^<dt>, _:label, with integers,
// decimals, doubles and booleans written bare when their lexical form allows it.
func FormatTerm(t rdf.Term) string {
	if l, ok := t.(rdf.Literal); ok {
		switch l.Datatype {
		case rdf.XSDInteger:
			if integerRE.MatchString(l.Lexical) {
				return l.Lexical
			}
		case rdf.XSDDecimal:
			if decimalRE.MatchString(l.Lexical) {
				return l.Lexical
			}
		case rdf.XSDDouble:
			if doubleRE.MatchString(l.Lexical) {
				return l.Lexical
			}
		case rdf.XSDBoolean:
			if l.Lexical == "true" || l.Lexical == "false" {
				return l.Lexical
			}
		}
	}
	if t == nil {
		return "UNDEF"
	}
	return t.String()
}

// FormatNode prints a variable (?x) or a term.
func FormatNode(n Node) string {
	if n.IsVar() {
		return "?" + string(n.Var)
	}
	return FormatTerm(n.Term)
}

func varList(vs []Var) string {
	s := make([]string, len(vs))
	for i, v := range vs {
		s[i] = "?" + string(v)
	}
	return "(" + strings.Join(s, " ") + ")"
}

// FormatPath prints a property path as SSE: an IRI, (reverse P), (seq P Q), (alt P Q),
// (path* P), (path+ P), (path? P), (notoneof a b (reverse c)).
func FormatPath(p syntax.Path) string {
	switch p := p.(type) {
	case *syntax.PathLink:
		return FormatTerm(p.IRI)
	case *syntax.PathInverse:
		return "(reverse " + FormatPath(p.Path) + ")"
	case *syntax.PathSeq:
		return foldPath("seq", p.Parts)
	case *syntax.PathAlt:
		return foldPath("alt", p.Parts)
	case *syntax.PathMod:
		return "(path" + string(p.Mod) + " " + FormatPath(p.Path) + ")"
	case *syntax.PathNegated:
		var b strings.Builder
		b.WriteString("(notoneof")
		for _, i := range p.Forward {
			b.WriteString(" " + FormatTerm(i))
		}
		for _, i := range p.Inverse {
			b.WriteString(" (reverse " + FormatTerm(i) + ")")
		}
		b.WriteString(")")
		return b.String()
	default:
		panic(fmt.Sprintf("unreachable: %T", p))
	}
}

// foldPath prints a binary form left-nested: (seq (seq a b) c).
func foldPath(name string, parts []syntax.Path) string {
	s := FormatPath(parts[0])
	for _, x := range parts[1:] {
		s = "(" + name + " " + s + " " + FormatPath(x) + ")"
	}
	return s
}

func (e *ExprVar) String() string   { return "?" + string(e.Var) }
func (e *ExprConst) String() string { return FormatTerm(e.Term) }
func (e *ExprCall) String() string  { return call(e.Name, e.Args) }
func (e *ExprFunc) String() string  { return call(FormatTerm(e.IRI), e.Args) }
func (e *ExprExists) String() string {
	name := "exists"
	if e.Not {
		name = "notexists"
	}
	return "(" + name + " " + oneLine(e.Op) + ")"
}
func (e *ExprAgg) String() string {
	var b strings.Builder
	b.WriteString("(" + e.Name)
	if e.Distinct {
		b.WriteString(" distinct")
	}
	if e.Separator != nil {
		b.WriteString(" (separator " + rdf.NewLiteral(*e.Separator).String() + ")")
	}
	if e.Arg != nil {
		b.WriteString(" " + e.Arg.String())
	}
	b.WriteString(")")
	return b.String()
}

func call(name string, args []Expr) string {
	var b strings.Builder
	b.WriteString("(" + name)
	for _, a := range args {
		b.WriteString(" " + a.String())
	}
	b.WriteString(")")
	return b.String()
}

func exprList(es []Expr) string {
	if len(es) == 1 {
		return es[0].String()
	}
	return call("exprlist", es)
}

// oneLine prints an operator without newlines (for EXISTS inside expressions).
func oneLine(op Op) string {
	s := op.String()
	lines := strings.Split(s, "\n")
	for i := range lines {
		lines[i] = strings.TrimSpace(lines[i])
	}
	return strings.Join(lines, " ")
}

type printer struct {
	b strings.Builder
}

func (p *printer) line(depth int, s string) {
	if p.b.Len() > 0 {
		p.b.WriteByte('\n')
	}
	p.b.WriteString(strings.Repeat("  ", depth))
	p.b.WriteString(s)
}

func (p *printer) close() { p.b.WriteByte(')') }

func sse(op Op) string {
	var p printer
	p.op(op, 0)
	return p.b.String()
}

func (p *printer) op(op Op, d int) {
	switch op := op.(type) {
	case *BGP:
		if len(op.Triples) == 0 {
			p.line(d, "(bgp)")
			return
		}
		p.line(d, "(bgp")
		for _, t := range op.Triples {
			p.line(d+1, "(triple "+FormatNode(t.S)+" "+FormatNode(t.P)+" "+FormatNode(t.O)+")")
		}
		p.close()
	case *Path:
		p.line(d, "(path "+FormatNode(op.S)+" "+FormatPath(op.Path)+" "+FormatNode(op.O)+")")
	case *Join:
		p.binary("join", op.Left, op.Right, d)
	case *LeftJoin:
		p.line(d, "(leftjoin")
		p.op(op.Left, d+1)
		p.op(op.Right, d+1)
		if op.Expr != nil {
			p.line(d+1, op.Expr.String())
		}
		p.close()
	case *Filter:
		p.line(d, "(filter "+exprList(op.Exprs))
		p.op(op.Op, d+1)
		p.close()
	case *Union:
		p.binary("union", op.Left, op.Right, d)
	case *Minus:
		p.binary("minus", op.Left, op.Right, d)
	case *Graph:
		p.line(d, "(graph "+FormatNode(op.Name))
		p.op(op.Op, d+1)
		p.close()
	case *Service:
		s := "(service "
		if op.Silent {
			s += "silent "
		}
		p.line(d, s+FormatNode(op.Name))
		p.op(op.Op, d+1)
		p.close()
	case *Extend:
		p.line(d, "(extend ((?"+string(op.Var)+" "+op.Expr.String()+"))")
		p.op(op.Op, d+1)
		p.close()
	case *Table:
		switch {
		case op.IsUnit():
			p.line(d, "(table unit)")
			return
		case len(op.Rows) == 0 && len(op.Vars) == 0:
			p.line(d, "(table empty)")
			return
		}
		p.line(d, "(table (vars")
		for _, v := range op.Vars {
			p.b.WriteString(" ?" + string(v))
		}
		p.b.WriteString(")")
		for _, r := range op.Rows {
			s := "(row"
			for i, t := range r {
				if t != nil {
					s += " [?" + string(op.Vars[i]) + " " + FormatTerm(t) + "]"
				}
			}
			p.line(d+1, s+")")
		}
		p.close()
	case *Group:
		var keys []string
		for _, k := range op.Keys {
			switch {
			case k.Var == "":
				keys = append(keys, k.Expr.String())
			case isVar(k.Expr, k.Var):
				keys = append(keys, "?"+string(k.Var))
			default:
				keys = append(keys, "(?"+string(k.Var)+" "+k.Expr.String()+")")
			}
		}
		s := "(group (" + strings.Join(keys, " ") + ")"
		if len(op.Aggs) > 0 {
			var aggs []string
			for _, a := range op.Aggs {
				aggs = append(aggs, "(?"+string(a.Var)+" "+a.Agg.String()+")")
			}
			s += " (" + strings.Join(aggs, " ") + ")"
		}
		p.line(d, s)
		p.op(op.Op, d+1)
		p.close()
	case *OrderBy:
		var cs []string
		for _, c := range op.Conds {
			if c.Desc {
				cs = append(cs, "(desc "+c.Expr.String()+")")
			} else {
				cs = append(cs, c.Expr.String())
			}
		}
		p.line(d, "(order ("+strings.Join(cs, " ")+")")
		p.op(op.Op, d+1)
		p.close()
	case *Project:
		p.line(d, "(project "+varList(op.Vars))
		p.op(op.Op, d+1)
		p.close()
	case *Distinct:
		p.line(d, "(distinct")
		p.op(op.Op, d+1)
		p.close()
	case *Reduced:
		p.line(d, "(reduced")
		p.op(op.Op, d+1)
		p.close()
	case *Slice:
		off, lim := "_", "_"
		if op.Offset > 0 {
			off = strconv.FormatInt(op.Offset, 10)
		}
		if op.Limit >= 0 {
			lim = strconv.FormatInt(op.Limit, 10)
		}
		p.line(d, "(slice "+off+" "+lim)
		p.op(op.Op, d+1)
		p.close()
	default:
		panic(fmt.Sprintf("unreachable: %T", op))
	}
}

func isVar(e Expr, v Var) bool {
	x, ok := e.(*ExprVar)
	return ok && x.Var == v
}

func (p *printer) binary(name string, l, r Op, d int) {
	p.line(d, "("+name)
	p.op(l, d+1)
	p.op(r, d+1)
	p.close()
}

func (op *BGP) String() string      { return sse(op) }
func (op *Path) String() string     { return sse(op) }
func (op *Join) String() string     { return sse(op) }
func (op *LeftJoin) String() string { return sse(op) }
func (op *Filter) String() string   { return sse(op) }
func (op *Union) String() string    { return sse(op) }
func (op *Graph) String() string    { return sse(op) }
func (op *Extend) String() string   { return sse(op) }
func (op *Minus) String() string    { return sse(op) }
func (op *Table) String() string    { return sse(op) }
func (op *Service) String() string  { return sse(op) }
func (op *Group) String() string    { return sse(op) }
func (op *OrderBy) String() string  { return sse(op) }
func (op *Project) String() string  { return sse(op) }
func (op *Distinct) String() string { return sse(op) }
func (op *Reduced) String() string  { return sse(op) }
func (op *Slice) String() string    { return sse(op) }
