package syntax

import "github.com/uitwisselingsplatform/uwp/rdf"

// Path is a property path (https://www.w3.org/TR/sparql11-query/#propertypaths). The
// interface is sealed: *PathLink, *PathInverse, *PathSeq, *PathAlt, *PathMod and *PathNegated.
type Path interface {
	// String prints the path in SPARQL syntax.
	String() string
	isPath()
}

// PathLink is a single IRI (or 'a').
type PathLink struct {
	Pos Pos
	IRI rdf.IRI
}

// PathInverse is ^P.
type PathInverse struct {
	Pos  Pos
	Path Path
}

// PathSeq is P1 / P2 / ... (at least two parts).
type PathSeq struct {
	Pos   Pos
	Parts []Path
}

// PathAlt is P1 | P2 | ... (at least two parts).
type PathAlt struct {
	Pos   Pos
	Parts []Path
}

// PathModifier is one of the repetition modifiers.
type PathModifier byte

// The path modifiers.
const (
	ZeroOrMore PathModifier = '*'
	OneOrMore  PathModifier = '+'
	ZeroOrOne  PathModifier = '?'
)

// PathMod is P*, P+ or P?.
type PathMod struct {
	Pos  Pos
	Path Path
	Mod  PathModifier
}

// PathNegated is a negated property set !(a|^b): Forward holds the plain members and Inverse
// the members written with ^.
type PathNegated struct {
	Pos              Pos
	Forward, Inverse []rdf.IRI
}

func (*PathLink) isPath()    {}
func (*PathInverse) isPath() {}
func (*PathSeq) isPath()     {}
func (*PathAlt) isPath()     {}
func (*PathMod) isPath()     {}
func (*PathNegated) isPath() {}
