package syntax

import (
	"fmt"
	"strconv"
	"strings"

	"github.com/uitwisselingsplatform/uwp/rdf"
)

// FormatTerm prints a term in SPARQL syntax (the N-Triples form, which SPARQL accepts).
// Blank nodes print so that parsing gives the same node back: BlankNode("bx") (written _:x)
// prints as _:x, and any other label l (anonymous nodes, "g1") as _:_l.
func FormatTerm(t rdf.Term) string {
	switch t := t.(type) {
	case nil:
		return "UNDEF"
	case rdf.BlankNode:
		if len(t) > 1 && t[0] == 'b' {
			return "_:" + string(t[1:])
		}
		return "_:_" + string(t)
	}
	return t.String()
}

func (p *PathLink) String() string    { return FormatTerm(p.IRI) }
func (p *PathInverse) String() string { return "^(" + p.Path.String() + ")" }
func (p *PathSeq) String() string     { return joinPaths(p.Parts, " / ") }
func (p *PathAlt) String() string     { return joinPaths(p.Parts, " | ") }
func (p *PathMod) String() string     { return "(" + p.Path.String() + ")" + string(p.Mod) }
func (p *PathNegated) String() string {
	var parts []string
	for _, i := range p.Forward {
		parts = append(parts, FormatTerm(i))
	}
	for _, i := range p.Inverse {
		parts = append(parts, "^"+FormatTerm(i))
	}
	return "!(" + strings.Join(parts, " | ") + ")"
}

func joinPaths(ps []Path, sep string) string {
	s := make([]string, len(ps))
	for i, p := range ps {
		s[i] = p.String()
	}
	return "(" + strings.Join(s, sep) + ")"
}

func (e *VarExpr) String() string  { return e.Var.String() }
func (e *TermExpr) String() string { return FormatTerm(e.Term) }
func (e *Unary) String() string    { return e.Op + "(" + e.X.String() + ")" }
func (e *Binary) String() string   { return "(" + e.X.String() + " " + e.Op + " " + e.Y.String() + ")" }
func (e *In) String() string {
	op := " IN "
	if e.Not {
		op = " NOT IN "
	}
	return "(" + e.X.String() + op + exprList(e.List, false) + ")"
}
func (e *Call) String() string { return e.Name + exprList(e.Args, false) }
func (e *FuncCall) String() string {
	return FormatTerm(e.IRI) + exprList(e.Args, e.Distinct)
}
func (e *Aggregate) String() string {
	var b strings.Builder
	b.WriteString(e.Name)
	b.WriteByte('(')
	if e.Distinct {
		b.WriteString("DISTINCT ")
	}
	if e.Arg == nil {
		b.WriteByte('*')
	} else {
		b.WriteString(e.Arg.String())
	}
	if e.Separator != nil {
		b.WriteString("; SEPARATOR=")
		b.WriteString(rdf.NewLiteral(*e.Separator).String())
	}
	b.WriteByte(')')
	return b.String()
}
func (e *Exists) String() string {
	s := "EXISTS " + e.Pattern.String()
	if e.Not {
		return "NOT " + s
	}
	return s
}

func exprList(args []Expr, distinct bool) string {
	if len(args) == 0 {
		return "()"
	}
	var b strings.Builder
	b.WriteByte('(')
	if distinct {
		b.WriteString("DISTINCT ")
	}
	for i, a := range args {
		if i > 0 {
			b.WriteString(", ")
		}
		b.WriteString(a.String())
	}
	b.WriteByte(')')
	return b.String()
}

// String prints the triple pattern followed by " .".
func (t TriplePattern) String() string {
	p := t.P.String()
	if t.Path != nil {
		p = t.Path.String()
	}
	return t.S.String() + " " + p + " " + t.O.String() + " ."
}

// sprint returns what write writes for x.
func sprint[T any](write func(*strings.Builder, T), x T) string {
	var b strings.Builder
	write(&b, x)
	return b.String()
}

// writeBraced writes "{ ", then each item followed by a space, then "}".
func writeBraced[T any](b *strings.Builder, items []T, write func(*strings.Builder, T)) {
	b.WriteString("{ ")
	for _, x := range items {
		write(b, x)
		b.WriteByte(' ')
	}
	b.WriteString("}")
}

func writeTriple(b *strings.Builder, t TriplePattern) { b.WriteString(t.String()) }

func writeQuads(b *strings.Builder, qs []Quad) {
	writeBraced(b, qs, func(b *strings.Builder, q Quad) {
		if q.HasGraph() {
			fmt.Fprintf(b, "GRAPH %s { %s }", q.Graph, q.TriplePattern)
		} else {
			writeTriple(b, q.TriplePattern)
		}
	})
}

// writeDataset writes a FROM or USING clause's [NAMED] <iri>.
func writeDataset(b *strings.Builder, d Dataset) {
	if d.Named {
		b.WriteString("NAMED ")
	}
	b.WriteString(FormatTerm(d.IRI))
}

// String prints the group in SPARQL syntax.
func (g *Group) String() string { return sprint(writeGroup, g) }

func writeGroup(b *strings.Builder, g *Group) { writeBraced(b, g.Elements, writePattern) }

func writePattern(b *strings.Builder, p Pattern) {
	switch p := p.(type) {
	case *Group:
		writeGroup(b, p)
	case *Triples:
		for i, t := range p.Triples {
			if i > 0 {
				b.WriteByte(' ')
			}
			b.WriteString(t.String())
		}
	case *Union:
		for i, g := range p.Groups {
			if i > 0 {
				b.WriteString(" UNION ")
			}
			writeGroup(b, g)
		}
	case *Optional:
		b.WriteString("OPTIONAL ")
		writeGroup(b, p.Group)
	case *Minus:
		b.WriteString("MINUS ")
		writeGroup(b, p.Group)
	case *GraphPattern:
		b.WriteString("GRAPH " + p.Name.String() + " ")
		writeGroup(b, p.Group)
	case *Service:
		b.WriteString("SERVICE ")
		if p.Silent {
			b.WriteString("SILENT ")
		}
		b.WriteString(p.Name.String() + " ")
		writeGroup(b, p.Group)
	case *Filter:
		b.WriteString("FILTER(" + p.Expr.String() + ")")
	case *Bind:
		b.WriteString("BIND(" + p.Expr.String() + " AS " + p.Var.String() + ")")
	case *Values:
		b.WriteString("VALUES ")
		writeValues(b, p)
	case *SubSelect:
		writeQuery(b, p.Query)
	default:
		panic(fmt.Sprintf("unreachable: %T", p))
	}
}

func writeValues(b *strings.Builder, v *Values) {
	b.WriteByte('(')
	for i, x := range v.Vars {
		if i > 0 {
			b.WriteByte(' ')
		}
		b.WriteString(x.String())
	}
	b.WriteString(") {")
	for _, r := range v.Rows {
		b.WriteString(" (")
		for i, n := range r {
			if i > 0 {
				b.WriteByte(' ')
			}
			if n == (Node{}) {
				b.WriteString("UNDEF")
			} else {
				b.WriteString(n.String())
			}
		}
		b.WriteByte(')')
	}
	b.WriteString(" }")
}

// String prints the query in SPARQL syntax, with absolute IRIs and no prologue.
func (q *Query) String() string { return sprint(writeQuery, q) }

func writeQuery(b *strings.Builder, q *Query) {
	switch q.Form {
	case Select:
		b.WriteString("SELECT ")
		if q.Distinct {
			b.WriteString("DISTINCT ")
		}
		if q.Reduced {
			b.WriteString("REDUCED ")
		}
		if q.Star {
			b.WriteString("*")
		}
		for i, p := range q.Projection {
			if i > 0 {
				b.WriteByte(' ')
			}
			if p.Expr != nil {
				b.WriteString("(" + p.Expr.String() + " AS " + p.Var.String() + ")")
			} else {
				b.WriteString(p.Var.String())
			}
		}
	case Construct:
		b.WriteString("CONSTRUCT ")
		writeBraced(b, q.Template, writeTriple)
	case Ask:
		b.WriteString("ASK")
	case Describe:
		b.WriteString("DESCRIBE")
		if len(q.Describe) == 0 {
			b.WriteString(" *")
		}
		for _, n := range q.Describe {
			b.WriteString(" " + n.String())
		}
	default:
		panic(fmt.Sprintf("unreachable: form %d", q.Form))
	}
	for _, d := range q.Dataset {
		b.WriteString(" FROM ")
		writeDataset(b, d)
	}
	if q.Where != nil {
		b.WriteString(" WHERE ")
		writeGroup(b, q.Where)
	}
	if len(q.GroupBy) > 0 {
		b.WriteString(" GROUP BY")
		for _, g := range q.GroupBy {
			if g.Var != "" {
				b.WriteString(" (" + g.Expr.String() + " AS " + g.Var.String() + ")")
			} else {
				b.WriteString(" (" + g.Expr.String() + ")")
			}
		}
	}
	if len(q.Having) > 0 {
		b.WriteString(" HAVING")
		for _, h := range q.Having {
			b.WriteString(" (" + h.String() + ")")
		}
	}
	if len(q.OrderBy) > 0 {
		b.WriteString(" ORDER BY")
		for _, o := range q.OrderBy {
			if o.Desc {
				b.WriteString(" DESC(" + o.Expr.String() + ")")
			} else {
				b.WriteString(" ASC(" + o.Expr.String() + ")")
			}
		}
	}
	if q.Limit >= 0 {
		b.WriteString(" LIMIT " + strconv.FormatInt(q.Limit, 10))
	}
	if q.Offset > 0 {
		b.WriteString(" OFFSET " + strconv.FormatInt(q.Offset, 10))
	}
	if q.Values != nil {
		b.WriteString(" VALUES ")
		writeValues(b, q.Values)
	}
}

// String prints the update request in SPARQL syntax, operations separated by " ;\n".
func (u *Update) String() string {
	var b strings.Builder
	for i, op := range u.Operations {
		if i > 0 {
			b.WriteString(" ;\n")
		}
		writeOperation(&b, op)
	}
	return b.String()
}

func silent(s bool) string {
	if s {
		return "SILENT "
	}
	return ""
}

func (g GraphRef) String() string {
	switch g.Target {
	case TargetGraph:
		return "GRAPH " + FormatTerm(g.IRI)
	case TargetDefault:
		return "DEFAULT"
	case TargetNamed:
		return "NAMED"
	case TargetAll:
		return "ALL"
	}
	return "?"
}

func writeOperation(b *strings.Builder, op Operation) {
	switch op := op.(type) {
	case *InsertData:
		b.WriteString("INSERT DATA ")
		writeQuads(b, op.Quads)
	case *DeleteData:
		b.WriteString("DELETE DATA ")
		writeQuads(b, op.Quads)
	case *DeleteWhere:
		b.WriteString("DELETE WHERE ")
		writeQuads(b, op.Quads)
	case *Modify:
		if op.With != "" {
			b.WriteString("WITH " + FormatTerm(op.With) + " ")
		}
		if op.HasDelete {
			b.WriteString("DELETE ")
			writeQuads(b, op.Delete)
			b.WriteByte(' ')
		}
		if op.HasInsert {
			b.WriteString("INSERT ")
			writeQuads(b, op.Insert)
			b.WriteByte(' ')
		}
		for _, d := range op.Using {
			b.WriteString("USING ")
			writeDataset(b, d)
			b.WriteByte(' ')
		}
		b.WriteString("WHERE ")
		writeGroup(b, op.Where)
	case *Load:
		b.WriteString("LOAD " + silent(op.Silent) + FormatTerm(op.Source))
		if op.Into != "" {
			b.WriteString(" INTO GRAPH " + FormatTerm(op.Into))
		}
	case *Clear:
		b.WriteString("CLEAR " + silent(op.Silent) + op.Target.String())
	case *Drop:
		b.WriteString("DROP " + silent(op.Silent) + op.Target.String())
	case *Create:
		b.WriteString("CREATE " + silent(op.Silent) + "GRAPH " + FormatTerm(op.Graph))
	case *Transfer:
		b.WriteString(op.Kind.String() + " " + silent(op.Silent) + op.From.String() + " TO " + op.To.String())
	default:
		panic(fmt.Sprintf("unreachable: %T", op))
	}
}
