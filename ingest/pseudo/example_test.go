package pseudo_test

import (
	"context"
	"fmt"
	"os"
	"time"

	"github.com/uitwisselingsplatform/uwp/ingest/pseudo"
)

func Example() {
	os.Setenv("EXAMPLE_PSEUDONYM_KEY", "example-key-not-for-production")
	kp, err := pseudo.ParseKeySource("env:EXAMPLE_PSEUDONYM_KEY")
	if err != nil {
		panic(err)
	}
	p, err := pseudo.FromProvider(context.Background(), kp)
	if err != nil {
		panic(err)
	}
	a := p.Token(pseudo.Participant, " An.Peeters@Example.org")
	b := p.Token(pseudo.Participant, "an.peeters@example.org")
	fmt.Println(a == b, len(a))
	y, _ := pseudo.BirthYear("12/04/1985", time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC))
	fmt.Println(y, pseudo.PostalCode("Kerkstraat 12, 9000 Gent", "BE"))

	_, err = pseudo.ParseKeySource("")
	fmt.Println(err)
	// Output:
	// true 32
	// 1985 9000
	// no pseudonymisation key (set UWP_PSEUDONYM_KEY or configure a key file or command)
}
