package uitdatabank_test

import (
	"fmt"
	"strings"

	"github.com/uitwisselingsplatform/uwp/ingest"
	"github.com/uitwisselingsplatform/uwp/ingest/uitdatabank"
)

func ExampleNewReader() {
	page := `{"member": [
	  {"@id": "https://io.uitdatabank.be/places/p1", "@type": "Place", "name": {"nl": "Zaal"}, "calendarType": "permanent"},
	  {"@id": "https://io.uitdatabank.be/events/e1", "@type": "Event", "calendarType": "permanent"}
	]}`
	r := uitdatabank.NewReader(strings.NewReader(page), uitdatabank.Options{File: "page.json"})
	qs, errs, err := ingest.ReadAll(r, -1) // lenient: keep going past bad documents
	fmt.Println(len(qs) > 0, err)
	for _, e := range errs {
		fmt.Println(e)
	}
	fmt.Printf("%+v\n", r.Stats().Failed)
	// Output:
	// true <nil>
	// page.json: /member/1/name: missing name
	// 1
}
