package shacl

import (
	"fmt"
	"strconv"

	"github.com/uitwisselingsplatform/uwp/rdf"
	"github.com/uitwisselingsplatform/uwp/vocab/sh"
)

// Report is the outcome of a validation (https://www.w3.org/TR/shacl/#validation-report).
type Report struct {
	// Conforms is true when the validation produced no result of any severity.
	Conforms bool
	// Results in the order they were found: by shape, then focus node, then constraint.
	Results []Result
	// Truncated is set when Options.MaxResults stopped the validation early.
	Truncated bool
}

// Result is one sh:ValidationResult.
type Result struct {
	Focus     rdf.Term // sh:focusNode
	Path      Path     // sh:resultPath; nil for node shapes
	Value     rdf.Term // sh:value; nil when the constraint names no single value (minCount, ...)
	Shape     rdf.Term // sh:sourceShape
	ShapeName string   // sh:name of the source shape, when it has one
	Component rdf.IRI  // sh:sourceConstraintComponent
	Severity  rdf.IRI  // sh:resultSeverity
	// Messages are the shape's sh:message values (sh:resultMessage); empty when it has none.
	Messages []rdf.Literal
	// Detail is uwp's own English explanation of the failure.
	Detail string
}

// Message returns the result's message for people: the shape's sh:message in the language
// asked for (or the first one), else Detail.
func (res *Result) Message(lang string) string {
	for _, m := range res.Messages {
		if langMatches(m.Lang, lang) {
			return m.Lexical
		}
	}
	if len(res.Messages) > 0 {
		return res.Messages[0].Lexical
	}
	return res.Detail
}

// Count returns how many results have the given severity.
func (r *Report) Count(severity rdf.IRI) int {
	n := 0
	for i := range r.Results {
		if r.Results[i].Severity == severity {
			n++
		}
	}
	return n
}

// Quads returns the report as an RDF graph in the default graph: a sh:ValidationReport with
// sh:conforms and one sh:result per result, blank nodes labelled report, r1, r2, ... and
// p1, p2, ... for complex paths. Results without a sh:message carry Detail as
// sh:resultMessage.
func (r *Report) Quads() []rdf.Quad {
	var out []rdf.Quad
	add := func(s rdf.Term, p rdf.IRI, o rdf.Term) {
		out = append(out, rdf.Quad{Subject: s, Predicate: p, Object: o})
	}
	report := rdf.BlankNode("report")
	add(report, rdf.RDFType, sh.ValidationReport)
	conforms := "false"
	if r.Conforms {
		conforms = "true"
	}
	add(report, sh.Conforms, rdf.NewTypedLiteral(conforms, rdf.XSDBoolean))
	pathN := 0
	bnode := func() rdf.BlankNode { pathN++; return rdf.BlankNode("p" + strconv.Itoa(pathN)) }
	for i := range r.Results {
		res := &r.Results[i]
		n := rdf.BlankNode(fmt.Sprintf("r%d", i+1))
		add(report, sh.Result, n)
		add(n, rdf.RDFType, sh.ValidationResult)
		add(n, sh.FocusNode, res.Focus)
		if res.Path != nil {
			add(n, sh.ResultPath, pathQuads(res.Path, bnode, &out))
		}
		if res.Value != nil {
			add(n, sh.Value, res.Value)
		}
		add(n, sh.SourceShape, res.Shape)
		add(n, sh.SourceConstraintComponent, res.Component)
		add(n, sh.ResultSeverity, res.Severity)
		if len(res.Messages) > 0 {
			for _, m := range res.Messages {
				add(n, sh.ResultMessage, m)
			}
		} else if res.Detail != "" {
			add(n, sh.ResultMessage, rdf.NewLiteral(res.Detail))
		}
	}
	return out
}
