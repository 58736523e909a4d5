package pipeline

import "errors"

// Sentinel errors of Open and Run.
var (
	// ErrUnknownAdapter is returned for a Config.Adapter not in Adapters.
	ErrUnknownAdapter = errors.New("unknown ingest adapter (want uitdatabank, tickets or mapping)")
	// ErrInputs is wrapped by errors in Config.Inputs that the caller should fix before
	// anything is read: no input, standard input named twice, an input that matches no
	// single source of a declarative mapping, a mapping source left without a file.
	ErrInputs = errors.New("bad ingest inputs")
)
