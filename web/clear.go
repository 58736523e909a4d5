package web

import (
	"context"

	"github.com/uitwisselingsplatform/uwp/engine"
	"github.com/uitwisselingsplatform/uwp/triplestore"
)

// clearGraphs runs an update made only of CLEAR and DROP through the store's loader
// (engine.ClearGraphs): past UploadTxQuads quads it empties the graphs on a copy of the
// store in bounded transactions, like a Graph Store DELETE.
func (s *Server) clearGraphs(ctx context.Context, ops []engine.ClearOp) error {
	_, err := engine.ClearGraphs(ctx, s.store, ops, triplestore.LoadOptions{TempDir: s.cfg.TempDir, TxQuads: s.cfg.UploadTxQuads})
	return err
}
