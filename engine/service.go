package engine

import (
	"context"
	"fmt"
	"io"
	"mime"
	"net/http"
	"net/url"
	"strings"

	"github.com/uitwisselingsplatform/uwp/rdf"
	"github.com/uitwisselingsplatform/uwp/sparql/results"
)

// maxServiceResponse bounds what one SERVICE call may read from a remote endpoint, so a
// misbehaving endpoint cannot exhaust memory (the evaluator holds a SERVICE answer whole).
const maxServiceResponse = 256 << 20

// HTTPService returns an eval.Options.Service function that sends SERVICE patterns to remote
// SPARQL 1.1 Protocol endpoints (https://www.w3.org/TR/sparql11-protocol/#query-via-post-direct)
// and reads their JSON, XML, TSV or CSV answer. Only http and https endpoints are called;
// client nil means http.DefaultClient. Federation is off unless a caller installs this
// (the CLI does so only when configured), because a query could otherwise make the server
// send requests anywhere.
func HTTPService(client *http.Client) func(ctx context.Context, endpoint, query string) ([]string, [][]rdf.Term, error) {
	if client == nil {
		client = http.DefaultClient
	}
	return func(ctx context.Context, endpoint, query string) ([]string, [][]rdf.Term, error) {
		u, err := url.Parse(endpoint)
		if err != nil || (u.Scheme != "http" && u.Scheme != "https") {
			return nil, nil, fmt.Errorf("SERVICE <%s>: only http and https endpoints can be called", endpoint)
		}
		req, err := http.NewRequestWithContext(ctx, http.MethodPost, endpoint, strings.NewReader(query))
		if err != nil {
			return nil, nil, err
		}
		req.Header.Set("Content-Type", "application/sparql-query")
		req.Header.Set("Accept", "application/sparql-results+json, application/sparql-results+xml;q=0.9, text/tab-separated-values;q=0.8, text/csv;q=0.5")
		resp, err := client.Do(req)
		if err != nil {
			return nil, nil, fmt.Errorf("SERVICE <%s>: %w", endpoint, err)
		}
		defer resp.Body.Close()
		body := io.LimitReader(resp.Body, maxServiceResponse)
		if resp.StatusCode/100 != 2 {
			msg, _ := io.ReadAll(io.LimitReader(body, 512))
			return nil, nil, fmt.Errorf("SERVICE <%s>: %s: %s", endpoint, resp.Status, strings.TrimSpace(string(msg)))
		}
		mt, _, _ := mime.ParseMediaType(resp.Header.Get("Content-Type"))
		f, err := results.ParseFormat(mt)
		if err != nil {
			return nil, nil, fmt.Errorf("SERVICE <%s>: unsupported answer type %q", endpoint, mt)
		}
		res, err := results.Read(f, body)
		if err != nil {
			return nil, nil, fmt.Errorf("SERVICE <%s>: %w", endpoint, err)
		}
		if res.Boolean != nil {
			return nil, nil, fmt.Errorf("SERVICE <%s>: a boolean answer to a SELECT", endpoint)
		}
		return res.Vars, res.Rows, nil
	}
}
