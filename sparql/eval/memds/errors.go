package memds

import (
	"errors"
	"fmt"

	"github.com/uitwisselingsplatform/uwp/sparql/eval"
)

// ErrUnknownID is returned by Term for an ID the dataset never assigned.
var ErrUnknownID = errors.New("memds: unknown term ID")

func errUnknownID(id eval.ID) error { return fmt.Errorf("%w: %d", ErrUnknownID, uint64(id)) }
