package expr

import (
	"strings"

	"github.com/uitwisselingsplatform/uwp/rdf"
)

// Builtin is a strict built-in function: the evaluator evaluates every argument first and
// passes the error of the first failing one instead of calling (17.2: errors propagate).
// Args may contain nil only where a function documents it (none here do).
type Builtin struct {
	Name             string // upper-case SPARQL keyword
	MinArgs, MaxArgs int    // MaxArgs < 0: variadic
	Call             func(args []rdf.Term) (rdf.Term, error)
}

func fn1(f func(rdf.Term) (rdf.Term, error)) func([]rdf.Term) (rdf.Term, error) {
	return func(a []rdf.Term) (rdf.Term, error) { return f(a[0]) }
}

func fn2(f func(rdf.Term, rdf.Term) (rdf.Term, error)) func([]rdf.Term) (rdf.Term, error) {
	return func(a []rdf.Term) (rdf.Term, error) { return f(a[0], a[1]) }
}

func cmpFn(f func(rdf.Term, rdf.Term) (bool, error)) func([]rdf.Term) (rdf.Term, error) {
	return func(a []rdf.Term) (rdf.Term, error) {
		b, err := f(a[0], a[1])
		if err != nil {
			return nil, err
		}
		return Bool(b), nil
	}
}

func opt(a []rdf.Term, i int) rdf.Term {
	if i < len(a) {
		return a[i]
	}
	return nil
}

var builtins = map[string]*Builtin{}

func init() {
	for _, b := range []*Builtin{
		{"STR", 1, 1, fn1(Str)},
		{"LANG", 1, 1, fn1(Lang)},
		{"LANGMATCHES", 2, 2, fn2(LangMatches)},
		{"DATATYPE", 1, 1, fn1(Datatype)},
		{"SAMETERM", 2, 2, cmpFn(SameTerm)},
		{"ISIRI", 1, 1, fn1(IsIRI)},
		{"ISURI", 1, 1, fn1(IsIRI)},
		{"ISBLANK", 1, 1, fn1(IsBlank)},
		{"ISLITERAL", 1, 1, fn1(IsLiteral)},
		{"ISNUMERIC", 1, 1, fn1(IsNumeric)},
		{"REGEX", 2, 3, func(a []rdf.Term) (rdf.Term, error) { return Regex(a[0], a[1], opt(a, 2)) }},
		{"REPLACE", 3, 4, func(a []rdf.Term) (rdf.Term, error) { return Replace(a[0], a[1], a[2], opt(a, 3)) }},
		{"STRLEN", 1, 1, fn1(StrLen)},
		{"SUBSTR", 2, 3, func(a []rdf.Term) (rdf.Term, error) { return Substr(a[0], a[1], opt(a, 2)) }},
		{"UCASE", 1, 1, fn1(UCase)},
		{"LCASE", 1, 1, fn1(LCase)},
		{"STRSTARTS", 2, 2, fn2(StrStarts)},
		{"STRENDS", 2, 2, fn2(StrEnds)},
		{"CONTAINS", 2, 2, fn2(Contains)},
		{"STRBEFORE", 2, 2, fn2(StrBefore)},
		{"STRAFTER", 2, 2, fn2(StrAfter)},
		{"ENCODE_FOR_URI", 1, 1, fn1(EncodeForURI)},
		{"CONCAT", 0, -1, func(a []rdf.Term) (rdf.Term, error) { return Concat(a...) }},
		{"STRDT", 2, 2, fn2(StrDT)},
		{"STRLANG", 2, 2, fn2(StrLang)},
		{"UUID", 0, 0, func([]rdf.Term) (rdf.Term, error) { return UUID(), nil }},
		{"STRUUID", 0, 0, func([]rdf.Term) (rdf.Term, error) { return StrUUID(), nil }},
		{"ABS", 1, 1, fn1(Abs)},
		{"ROUND", 1, 1, fn1(Round)},
		{"CEIL", 1, 1, fn1(Ceil)},
		{"FLOOR", 1, 1, fn1(Floor)},
		{"RAND", 0, 0, func([]rdf.Term) (rdf.Term, error) { return Rand(), nil }},
		{"YEAR", 1, 1, fn1(Year)},
		{"MONTH", 1, 1, fn1(Month)},
		{"DAY", 1, 1, fn1(Day)},
		{"HOURS", 1, 1, fn1(Hours)},
		{"MINUTES", 1, 1, fn1(Minutes)},
		{"SECONDS", 1, 1, fn1(Seconds)},
		{"TIMEZONE", 1, 1, fn1(Timezone)},
		{"TZ", 1, 1, fn1(TZ)},
		{"MD5", 1, 1, fn1(MD5)},
		{"SHA1", 1, 1, fn1(SHA1)},
		{"SHA256", 1, 1, fn1(SHA256)},
		{"SHA384", 1, 1, fn1(SHA384)},
		{"SHA512", 1, 1, fn1(SHA512)},
		{"!", 1, 1, fn1(Not)},
		{"UMINUS", 1, 1, fn1(UnaryMinus)},
		{"UPLUS", 1, 1, fn1(UnaryPlus)},
		{"+", 2, 2, fn2(Add)},
		{"-", 2, 2, fn2(Subtract)},
		{"*", 2, 2, fn2(Multiply)},
		{"/", 2, 2, fn2(Divide)},
		{"=", 2, 2, cmpFn(Equal)},
		{"!=", 2, 2, cmpFn(NotEqual)},
		{"<", 2, 2, cmpFn(Less)},
		{"<=", 2, 2, cmpFn(LessEq)},
		{">", 2, 2, cmpFn(Greater)},
		{">=", 2, 2, cmpFn(GreaterEq)},
	} {
		builtins[b.Name] = b
	}
}

// LookupBuiltin returns the strict built-in with the given name: a SPARQL keyword in any
// case (STRLEN, isIRI, ...) or an operator (+ - * / = != < <= > >= !, and UMINUS / UPLUS
// for the unary signs). Non-strict forms are not in the table: BOUND, IF, COALESCE, IN,
// NOT IN, EXISTS, && and || (see If, Coalesce, In, And, Or), nor those needing query
// state: IRI/URI (a base), BNODE (a label source) and NOW (the query's instant).
func LookupBuiltin(name string) (*Builtin, bool) {
	b, ok := builtins[strings.ToUpper(name)]
	return b, ok
}

// CastFunction reports whether iri names an XSD constructor function Cast supports, for
// calls written as xsd:integer(?x).
func CastFunction(iri rdf.IRI) bool {
	switch iri {
	case rdf.XSDString, rdf.XSDBoolean, rdf.XSDInteger, rdf.XSDDecimal, XSDFloat, rdf.XSDDouble,
		rdf.XSDDateTime, rdf.XSDDate:
		return true
	}
	_, ok := derivedIntegers[iri]
	return ok
}
