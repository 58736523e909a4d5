package syntax

import "github.com/uitwisselingsplatform/uwp/rdf"

// Update is a parsed SPARQL Update request: operations run in order, each with the prologue
// in effect where it was written.
type Update struct {
	Operations []Operation
	// Prologues[i] is the prologue in effect for Operations[i]. The last entry is the final
	// prologue (there is one more prologue than operations).
	Prologues []Prologue
}

// Operation is one update operation (https://www.w3.org/TR/sparql11-update/#graphUpdate).
// The interface is sealed: *InsertData, *DeleteData, *DeleteWhere, *Modify, *Load, *Clear,
// *Create, *Drop and *Transfer.
type Operation interface {
	Position() Pos
	isOperation()
}

// GraphTarget names the graph(s) an operation acts on.
type GraphTarget uint8

// The graph targets of CLEAR, DROP, ADD, MOVE, COPY, CREATE and LOAD INTO.
const (
	TargetGraph   GraphTarget = iota + 1 // one graph (IRI set)
	TargetDefault                        // DEFAULT
	TargetNamed                          // NAMED: all named graphs
	TargetAll                            // ALL: default and named graphs
)

// GraphRef is a graph target with its IRI when Target == TargetGraph.
type GraphRef struct {
	Target GraphTarget
	IRI    rdf.IRI
}

// InsertData is INSERT DATA { quads } (no variables).
type InsertData struct {
	Pos   Pos
	Quads []Quad
}

// DeleteData is DELETE DATA { quads } (no variables, no blank nodes).
type DeleteData struct {
	Pos   Pos
	Quads []Quad
}

// DeleteWhere is DELETE WHERE { quad pattern } (no blank nodes).
type DeleteWhere struct {
	Pos   Pos
	Quads []Quad
}

// Modify is [WITH iri] DELETE {..} INSERT {..} USING ... WHERE {..}. Delete or Insert may be
// empty (but the syntax had at least one of the clauses; HasDelete/HasInsert say which).
type Modify struct {
	Pos                  Pos
	With                 rdf.IRI // "" when absent
	HasDelete, HasInsert bool
	Delete, Insert       []Quad
	Using                []Dataset
	Where                *Group
}

// Load is LOAD [SILENT] iri [INTO GRAPH iri]; Into is "" for the default graph.
type Load struct {
	Pos    Pos
	Silent bool
	Source rdf.IRI
	Into   rdf.IRI
}

// Clear is CLEAR [SILENT] target.
type Clear struct {
	Pos    Pos
	Silent bool
	Target GraphRef
}

// Create is CREATE [SILENT] GRAPH iri.
type Create struct {
	Pos    Pos
	Silent bool
	Graph  rdf.IRI
}

// Drop is DROP [SILENT] target.
type Drop struct {
	Pos    Pos
	Silent bool
	Target GraphRef
}

// TransferKind is ADD, MOVE or COPY.
type TransferKind uint8

// The graph transfer operations.
const (
	Add TransferKind = iota + 1
	Move
	Copy
)

func (k TransferKind) String() string {
	switch k {
	case Add:
		return "ADD"
	case Move:
		return "MOVE"
	case Copy:
		return "COPY"
	}
	return "TransferKind(?)"
}

// Transfer is ADD, MOVE or COPY [SILENT] from TO to; From and To are TargetGraph or
// TargetDefault.
type Transfer struct {
	Pos      Pos
	Kind     TransferKind
	Silent   bool
	From, To GraphRef
}

func (o *InsertData) Position() Pos  { return o.Pos }
func (o *DeleteData) Position() Pos  { return o.Pos }
func (o *DeleteWhere) Position() Pos { return o.Pos }
func (o *Modify) Position() Pos      { return o.Pos }
func (o *Load) Position() Pos        { return o.Pos }
func (o *Clear) Position() Pos       { return o.Pos }
func (o *Create) Position() Pos      { return o.Pos }
func (o *Drop) Position() Pos        { return o.Pos }
func (o *Transfer) Position() Pos    { return o.Pos }

func (*InsertData) isOperation()  {}
func (*DeleteData) isOperation()  {}
func (*DeleteWhere) isOperation() {}
func (*Modify) isOperation()      {}
func (*Load) isOperation()        {}
func (*Clear) isOperation()       {}
func (*Create) isOperation()      {}
func (*Drop) isOperation()        {}
func (*Transfer) isOperation()    {}
