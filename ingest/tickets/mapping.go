package tickets

import (
	"bytes"
	"embed"
	"fmt"
	"io"
	"os"
	"slices"
	"strings"
	"time"

	"go.yaml.in/yaml/v3"
)

//go:embed mappings/*.yaml
var shipped embed.FS

// Fields are the generic columns of ../shared/oslo/MAPPING.md section 6 that a Mapping can
// bind to export columns.
var Fields = []string{
	"order_id", "ticket_id", "event_id", "performance_start", "performance_end", "price_category",
	"price", "currency", "service_fee", "sale_datetime", "sales_channel", "buyer_id", "buyer_email",
	"buyer_postal_code", "buyer_country", "buyer_birth_date", "birth_year", "status", "scanned_at",
}

// required are the fields every row needs.
var required = []string{"order_id", "ticket_id", "event_id"}

// Statuses are the generic ticket statuses a Mapping's status table maps onto.
var Statuses = []string{"sold", "reserved", "cancelled", "refunded"}

// Mapping binds an export's columns to the generic fields. It is read from YAML (see
// mappings/generic.yaml for the annotated format).
type Mapping struct {
	Vendor      string            `yaml:"vendor"`
	Version     string            `yaml:"version"`
	Format      string            `yaml:"format"`    // "csv", "jsonl" or "" (sniff)
	Separator   string            `yaml:"separator"` // CSV: one character; "" sniffs
	Timezone    string            `yaml:"timezone"`  // IANA name for times without offset; "" = UTC
	DateLayouts []string          `yaml:"date_layouts"`
	Activity    string            `yaml:"activity"` // IRI template with {event_id}
	Columns     map[string]string `yaml:"columns"`
	Status      map[string]string `yaml:"status"`
	Drop        []string          `yaml:"drop"`

	loc *time.Location
}

// Builtin returns a shipped mapping by name: "generic" or "ticketmatic".
func Builtin(name string) (*Mapping, error) {
	b, err := shipped.ReadFile("mappings/" + name + ".yaml")
	if err != nil {
		return nil, fmt.Errorf("no built-in ticket mapping %q (have generic, ticketmatic)", name)
	}
	return ParseMapping(bytes.NewReader(b), name+".yaml")
}

// LoadMapping reads a mapping file.
func LoadMapping(path string) (*Mapping, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	return ParseMapping(f, path)
}

// ParseMapping reads a mapping from YAML and checks it; name is used in errors.
func ParseMapping(r io.Reader, name string) (*Mapping, error) {
	var m Mapping
	dec := yaml.NewDecoder(r)
	dec.KnownFields(true)
	if err := dec.Decode(&m); err != nil {
		return nil, fmt.Errorf("%s: %w", name, err)
	}
	if err := m.check(); err != nil {
		return nil, fmt.Errorf("%s: %w", name, err)
	}
	return &m, nil
}

func (m *Mapping) check() error {
	if m.Vendor == "" {
		return fmt.Errorf("vendor is required (it scopes order and ticket pseudonyms)")
	}
	for f := range m.Columns {
		if !slices.Contains(Fields, f) {
			return fmt.Errorf("columns: unknown field %q (want one of %s)", f, strings.Join(Fields, ", "))
		}
	}
	for _, f := range required {
		if m.Columns[f] == "" {
			return fmt.Errorf("columns: %s is required", f)
		}
	}
	for _, d := range m.Drop {
		for f, c := range m.Columns {
			if c == d {
				return fmt.Errorf("column %q is both dropped and mapped to %s", d, f)
			}
		}
	}
	for k, v := range m.Status {
		if !slices.Contains(Statuses, v) {
			return fmt.Errorf("status %q: %q is not one of %s", k, v, strings.Join(Statuses, ", "))
		}
	}
	switch m.Format {
	case "", "csv", "jsonl":
	default:
		return fmt.Errorf("format %q: want csv or jsonl", m.Format)
	}
	if len([]rune(m.Separator)) > 1 {
		return fmt.Errorf("separator %q: want one character", m.Separator)
	}
	if !strings.Contains(m.Activity, "{event_id}") {
		return fmt.Errorf("activity %q: the template needs {event_id}", m.Activity)
	}
	m.loc = time.UTC
	if m.Timezone != "" {
		loc, err := time.LoadLocation(m.Timezone)
		if err != nil {
			return fmt.Errorf("timezone: %w", err)
		}
		m.loc = loc
	}
	return nil
}
