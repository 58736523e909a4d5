package results

import (
	"bufio"
	"fmt"
	"io"
	"strings"
	"unicode"

	"golang.org/x/text/width"

	"github.com/uitwisselingsplatform/uwp/rdf"
)

// TableRows is how many rows the table writer buffers to size its columns.
const TableRows = 1000

// tableWriter draws a result as a text table for terminals:
//
//	--------------------------
//	| s          | o         |
//	==========================
//	| <http://a> | "x"@en    |
//	--------------------------
//
// Terms print in N-Triples form (numbers, booleans abbreviated as in TSV). Columns are
// sized to the widest value among the first max rows; later rows keep those widths and
// longer values stretch their line rather than being cut.
type tableWriter struct {
	out    io.Writer
	w      *bufio.Writer
	max    int
	vars   []string
	widths []int
	buf    [][]string
	sized  bool
	state  writerState
	n      int
}

func newTableWriter(w io.Writer, maxRows int) *tableWriter {
	return &tableWriter{out: w, w: bufio.NewWriter(w), max: maxRows}
}

// tableCell is the text of one cell.
func tableCell(t rdf.Term) string {
	switch x := t.(type) {
	case nil:
		return ""
	case rdf.Literal:
		if x.Datatype == rdf.XSDBoolean && (x.Lexical == "true" || x.Lexical == "false") {
			return x.Lexical
		}
	}
	return TSVTerm(t)
}

func (t *tableWriter) Begin(vars []string) error {
	if t.state != stateNew {
		return fmt.Errorf("%w: Begin called twice", ErrState)
	}
	if err := checkVars(vars); err != nil {
		return fmt.Errorf("%w: %v", ErrState, err)
	}
	t.state = stateRows
	t.vars = append([]string(nil), vars...)
	t.widths = make([]int, len(vars))
	for i, v := range vars {
		t.widths[i] = displayWidth(v) + 1
	}
	return nil
}

func (t *tableWriter) Write(row []rdf.Term) error {
	if t.state != stateRows {
		return fmt.Errorf("%w: Write outside Begin/End", ErrState)
	}
	if len(row) != len(t.vars) {
		return fmt.Errorf("%w: row has %d values for %d variables", ErrState, len(row), len(t.vars))
	}
	cells := make([]string, len(row))
	for i, x := range row {
		cells[i] = tableCell(x)
	}
	if !t.sized {
		t.buf = append(t.buf, cells)
		for i, c := range cells {
			t.widths[i] = max(t.widths[i], displayWidth(c))
		}
		if len(t.buf) >= t.max {
			t.header()
		}
		return nil
	}
	t.line(cells)
	t.n++
	if t.n%FlushEvery == 0 {
		return flush(t.w, t.out)
	}
	return nil
}

// header fixes the widths and writes the header and the buffered rows.
func (t *tableWriter) header() {
	t.sized = true
	t.rule('-')
	names := make([]string, len(t.vars))
	for i, v := range t.vars {
		names[i] = "?" + v
	}
	t.line(names)
	t.rule('=')
	for _, r := range t.buf {
		t.line(r)
	}
	t.buf = nil
}

func (t *tableWriter) rule(c byte) {
	n := 1
	for _, w := range t.widths {
		n += w + 3
	}
	t.w.WriteString(strings.Repeat(string(c), n))
	t.w.WriteByte('\n')
}

func (t *tableWriter) line(cells []string) {
	t.w.WriteString("|")
	for i, c := range cells {
		t.w.WriteByte(' ')
		t.w.WriteString(c)
		if pad := t.widths[i] - displayWidth(c); pad > 0 {
			t.w.WriteString(strings.Repeat(" ", pad))
		}
		t.w.WriteString(" |")
	}
	t.w.WriteByte('\n')
}

func (t *tableWriter) End() error {
	if t.state != stateRows {
		return fmt.Errorf("%w: End without Begin, or twice", ErrState)
	}
	t.state = stateDone
	if !t.sized {
		t.header()
	}
	t.rule('-')
	return flush(t.w, t.out)
}

// displayWidth estimates how many terminal columns s takes: East Asian wide and
// full-width characters take two, combining marks and other zero-width characters none.
func displayWidth(s string) int {
	n := 0
	for _, r := range s {
		switch {
		case r < 0x300:
			n++
		case unicode.In(r, unicode.Mn, unicode.Me, unicode.Cf):
		case r >= 0x1F300 && r <= 0x1FAFF: // emoji: wide in every common terminal
			n += 2
		default:
			switch width.LookupRune(r).Kind() {
			case width.EastAsianWide, width.EastAsianFullwidth:
				n += 2
			default:
				n++
			}
		}
	}
	return n
}
