package main

import (
	"bufio"
	"context"
	"fmt"
	"strings"
	"time"

	"github.com/spf13/pflag"
	"github.com/spf13/viper"

	"github.com/uitwisselingsplatform/uwp/sparql/algebra"
	"github.com/uitwisselingsplatform/uwp/sparql/eval"
	"github.com/uitwisselingsplatform/uwp/sparql/parser"
	"github.com/uitwisselingsplatform/uwp/sparql/syntax"
)

func init() {
	register(&command{
		name: "explain",
		args: "('QUERY' | --file q.rq)",
		summary: `Print a SPARQL query's algebra and evaluation plan (--analyze: with actual rows).
The algebra is SSE, as translated by the SPARQL 1.1 rules of section 18; then come the named
optimiser passes (sparql/opt) that fired and the algebra they produced. The plan lists, for
each basic graph pattern, its triple patterns in the order they would be matched, each with
the store's estimate of the quads it matches (for a first evaluation, before any join binds
their variables). With --analyze the query also runs, its results are counted and dropped,
and every operator shows the solutions it produced (rows) and how often it ran (calls).`,
		flags: func(fs *pflag.FlagSet) {
			queryFlags(fs)
			fs.Bool("analyze", false, "run the query and show the actual rows per operator")
			fs.Bool("no-optimize", false, "skip the algebra rewrites of sparql/opt (plan the translated algebra)")
		},
		run: runExplain,
	})
}

func runExplain(ctx context.Context, cfg *viper.Viper, args []string, e *env) error {
	src, base, err := requestText(cfg, args)
	if err != nil {
		return err
	}
	q, err := parser.ParseQuery(src, parser.Options{Base: base})
	if err != nil {
		return err
	}
	op, err := algebra.Translate(q)
	if err != nil {
		return err
	}
	ctx, cancel := withTimeout(ctx, cfg)
	defer cancel()
	s, err := openStore(cfg.GetString("data"), false)
	if err != nil {
		return err
	}
	out := bufio.NewWriter(e.stdout)
	fmt.Fprintf(out, "# algebra\n%s\n", op)
	opts := evalOptions(cfg, base).Eval
	if cfg.GetBool("no-optimize") {
		opts.NoOptimize = true
	}
	analyze := cfg.GetBool("analyze")
	explain := func(ds eval.Dataset) error {
		plan, err := eval.Plan(ctx, ds, q, opts)
		if err != nil {
			return err
		}
		switch {
		case opts.NoOptimize:
			fmt.Fprintf(out, "\n# optimiser: off (--no-optimize)\n")
		case len(plan.Passes) == 0:
			fmt.Fprintf(out, "\n# optimiser passes fired: (none)\n")
		default:
			fmt.Fprintf(out, "\n# optimiser passes fired: %s\n# optimised algebra\n%s\n", strings.Join(plan.Passes, " "), plan.Op)
		}
		fmt.Fprintf(out, "\n# plan (est: the store's estimate of the quads each triple pattern matches)\n%s", plan.Plan())
		if !analyze {
			return nil
		}
		prof := &eval.Profile{}
		aopts := opts
		aopts.Profile = prof
		start := time.Now()
		summary, err := drain(ctx, ds, q, aopts)
		if err != nil {
			return err
		}
		fmt.Fprintf(out, "\n# analyze (rows: solutions an operator produced; calls: times it was evaluated)\n%s", prof.Explain())
		fmt.Fprintf(out, "\n%s in %s\n", summary, time.Since(start).Round(time.Microsecond))
		return nil
	}
	return runOnDataset(cfg, s, out, explain)
}

// drain runs the query and consumes its result without writing it, and says what it was.
func drain(ctx context.Context, ds eval.Dataset, q *syntax.Query, opts eval.Options) (string, error) {
	res, err := eval.Query(ctx, ds, q, opts)
	if err != nil {
		return "", err
	}
	defer res.Close()
	switch {
	case res.Solutions != nil:
		n := 0
		for res.Solutions.Next() {
			n++
		}
		return plural(n, "solution"), res.Solutions.Err()
	case res.Triples != nil:
		n := 0
		for res.Triples.Next() {
			n++
		}
		return plural(n, "triple"), res.Triples.Err()
	default:
		return fmt.Sprintf("ASK: %v", res.Boolean), nil
	}
}

func plural(n int, word string) string {
	if n == 1 {
		return "1 " + word
	}
	return fmt.Sprintf("%d %ss", n, word)
}
