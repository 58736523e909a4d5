package web_test

import (
	"context"
	"fmt"
	"log"
	"net"
	"os"
	"path/filepath"

	"github.com/uitwisselingsplatform/uwp/triplestore"
	"github.com/uitwisselingsplatform/uwp/web"
)

func ExampleHashToken() {
	// The configuration holds digests, never tokens: printf %s secret | sha256sum
	fmt.Println(web.HashToken("secret"))
	// Output: 2bb80d537b1da3e38bd30361aa855686bde0eacd7162fef6a25fe97bf527a25b
}

func ExampleNew() {
	dir, _ := os.MkdirTemp("", "uwp-example")
	defer os.RemoveAll(dir)
	st, err := triplestore.Open(filepath.Join(dir, "uwp.db"), nil)
	if err != nil {
		log.Fatal(err)
	}
	srv := web.New(web.Config{
		BaseIRIs:    []string{"https://data.example.org/"},
		TokenHashes: []string{web.HashToken("secret")},
	}, st)
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		log.Fatal(err)
	}
	done := make(chan error, 1)
	go func() { done <- srv.Serve(ln) }()
	// ... serve until asked to stop, then let requests in flight finish and close the store.
	if err := srv.Shutdown(context.Background()); err != nil {
		log.Fatal(err)
	}
	fmt.Println(<-done, st.Close())
	// Output: <nil> <nil>
}
