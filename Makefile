# uwp — see README.md. Every target works on a fresh machine that has Go.
GO      ?= go
BIN     ?= bin/uwp
VERSION ?= $(shell git describe --always --dirty 2>/dev/null || echo dev)
DATA    ?= ./data
BENCH   ?= ../shared/bench

.PHONY: build run test test-short bench bench-go acceptance lint fmt clean

build:
	$(GO) build -ldflags "-X main.version=$(VERSION)" -o $(BIN) ./cmd/uwp

# run: load the OSLO demo dataset into ./data and show what is in the store.
run: build
	./scripts/demo.sh $(BIN) $(DATA)

# test: vet, then every test with the race detector, the W3C suites included; prints the
# conformance counts, failures and a closing total (scripts/test.sh).
test:
	GO=$(GO) ./scripts/test.sh

test-short:
	$(GO) test -count=1 ./...

# bench: the Go micro-benchmarks, then uwp side by side with Jena TDB2 and Oxigraph on the
# shared BSBM and events datasets (needs Java, Node and the packages listed in
# $(BENCH)/README.md). Writes BENCHMARKS.md.
bench: build bench-go
	./scripts/bench.sh

# acceptance: the big-data checks (10M load/stats/dump round trip, atomic failed load, 1 s
# timeout on a 1M x 1M cross product, 1.4 GB server upload in bounded memory); needs ~10 GB
# of disk.
acceptance: build
	./scripts/acceptance.sh

bench-go:
	$(GO) test -run '^$$' -bench . -benchmem -count=1 ./rdf/... ./triplestore/... ./sparql/... ./engine/... ./oslo/... ./ingest/... ./web/...

lint:
	@out=$$(gofmt -l $$(git ls-files '*.go')); if [ -n "$$out" ]; then echo "gofmt would change:"; echo "$$out"; exit 1; fi
	$(GO) vet ./...

fmt:
	gofmt -w $$(git ls-files '*.go')

clean:
	rm -rf bin
