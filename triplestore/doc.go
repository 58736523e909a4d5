// Package triplestore is the embedded quad store of uwp: one bbolt file holding a term
// dictionary, covering indexes, statistics and a bulk loader.
//
// # Basics
//
//   - Store (Open, Close, View, Update, Begin, Load, Check, DataVersion) owns the file.
//   - Tx is a read or write transaction: Add/Remove/AddQuads/RemoveQuads write quads,
//     Match(Pattern) and MatchTerms stream them, LookupID/ID/Term translate between terms
//     and TermIDs, Stats/Estimate/Graphs feed the query planner.
//   - TermID is a 64-bit term identifier (0 = any). Canonical small values (xsd:integer,
//     xsd:boolean, plain xsd:date, simple strings of up to 6 bytes, loader blank nodes) are
//     inline in the ID; other terms come from the dictionary. DefaultGraph names the default
//     graph.
//   - Pattern [4]TermID (S, P, O, G) selects quads; every pattern is a prefix scan of one index.
//   - Load bulk-loads RDF documents (see load.go): in parallel for N-Triples/N-Quads.
//
// # Layout
//
// Buckets: meta (format version, data version, blank sequence), i2t/t2i (dictionary, see
// dict.go), ns/nsid (IRI namespaces), stats (see stats.go), and nine index buckets: spo, pos,
// osp for the default graph and spog, posg, ospg, gspo, gpos, gosp for named graphs (the
// layout Oxigraph uses). Each index is a sorted sequence of ID tuples cut into blocks of up
// to a few hundred tuples (64 when bulk-loaded), delta-compressed with varints (see block.go): one bbolt key per
// block instead of one per quad is what keeps the file small. Literals of 96 bytes and more
// are stored DEFLATE-compressed (see compress.go), and the dictionary's two directions are
// blocked too (see i2t.go, t2i.go). On the BSBM and events benchmark data (1M to 10M
// triples) a bulk-loaded file takes about 40-47 bytes per triple.
//
// # Point lookups
//
// A query's nested-loop joins make many small Matches in one read transaction. Each costs
// one allocation (the Iter): a read transaction remembers the last few blocks per index that
// probes landed in, with where in each the last probe stopped, and keeps the cursors of
// finished scans (see blockcache.go); a probe that falls into a remembered block needs no
// bbolt Seek and resumes decoding at the mark when its key is larger. Within a block a probe
// crosses the tuples before its key reading only the varint that decides (scan.skip). Tx.Term
// likewise remembers the last id->term block, 128 decoded terms and 16 namespace names per
// transaction (see termcache.go).
//
// # Loading
//
// Load into an EMPTY store builds a new file next to the store (in-memory dictionary with
// spill file, sorted runs in TempDir, k-way merge, key-order appends in bounded bbolt
// transactions) and renames it over the old file only when complete; on any error the old
// file is untouched. Load into a non-empty store runs in one write transaction when it is
// small (at most LoadOptions.TxQuads statements, counting the quads of the graphs it
// replaces): sorted batch inserts, term->id and namespace entries written at commit in key
// order. A larger one copies the store's file (bbolt's consistent copy), writes into the copy
// in transactions of TxQuads quads and renames it over the store like the bulk path, so its
// memory is bounded by TxQuads whatever its size. All paths are atomic. A swap does not wait
// for readers: each open bbolt file is a handle counting its transactions, a transaction
// begun before the swap finishes on the old file (renamed over, still mapped), and the old
// file is closed when its last transaction ends.
//
// # Blank nodes
//
// Blank nodes in the store are identified by their label, store-wide. Add stores the label
// it is given. Load gives every document its own scope: it maps each document's labels to
// fresh store labels "l<n>" from a store-wide sequence, so two files that both say _:a get
// two nodes while _:a within one file is one node.
//
// # Caveats
//
//   - Byte slices and iterators are valid only inside their transaction.
//   - Terms are never removed from the dictionary; removing quads leaves their terms.
//   - Blocks that shrink through removals are not merged with their neighbours (only empty
//     blocks are deleted).
//   - One writer at a time: Update and Load serialise; readers run alongside.
//   - Check reads the whole store into memory and is meant for tests and maintenance.
package triplestore
