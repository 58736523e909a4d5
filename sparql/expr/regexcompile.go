package expr

import (
	"errors"
	"fmt"
	"regexp"
	"strings"
	"sync"
	"time"

	"github.com/dlclark/regexp2/v2"
)

// Pattern is a compiled XPath regular expression. A pattern without back-references runs
// on Go's regexp package (RE2: time linear in the input); one with back-references, which
// RE2 cannot express, runs on regexp2, a backtracking engine, with a time limit per match
// (RegexMatchTimeout). A Pattern is safe for concurrent use.
type Pattern struct {
	re2    *regexp.Regexp  // nil when bt is set
	bt     *regexp2.Regexp // nil when re2 is set
	groups int             // capturing groups
}

// RegexMatchTimeout bounds one match of a back-referencing pattern (backtracking can take
// time exponential in the input); a match that runs over it is an ErrBadRegex error. Set
// it before queries run: patterns compiled (and cached) earlier keep the limit they were
// compiled with. regexp2 checks the clock about every 100 ms, so a match may run that much
// longer.
var RegexMatchTimeout = time.Second

// MatchString reports whether s contains a match of p. The error is non-nil only for a
// back-referencing pattern whose match ran over its time or backtracking limit.
func (p *Pattern) MatchString(s string) (bool, error) {
	if p.re2 != nil {
		return p.re2.MatchString(s), nil
	}
	ok, err := p.bt.MatchString(s)
	return ok, p.matchError(err)
}

// NumSubexp returns the number of capturing groups in p.
func (p *Pattern) NumSubexp() int { return p.groups }

// String returns the source given to the engine: the translation of the XPath pattern.
func (p *Pattern) String() string {
	if p.re2 != nil {
		return p.re2.String()
	}
	return p.bt.String()
}

// replaceAll replaces every non-overlapping match in s by parts.
func (p *Pattern) replaceAll(s string, parts []replacementPart) (string, error) {
	if p.re2 != nil {
		ms := p.re2.FindAllStringSubmatchIndex(s, -1)
		if ms == nil {
			return s, nil
		}
		var b strings.Builder
		last := 0
		for _, m := range ms {
			b.WriteString(s[last:m[0]])
			expand(&b, parts, func(n int) string {
				if 2*n+1 < len(m) && m[2*n] >= 0 {
					return s[m[2*n]:m[2*n+1]]
				}
				return ""
			})
			last = m[1]
		}
		b.WriteString(s[last:])
		return b.String(), nil
	}
	out, err := p.bt.ReplaceFunc(s, func(m regexp2.Match) string {
		var b strings.Builder
		expand(&b, parts, func(n int) string {
			if g := m.GroupByNumber(n); g != nil && len(g.Captures) > 0 {
				return g.String()
			}
			return ""
		})
		return b.String()
	}, -1, -1)
	return out, p.matchError(err)
}

func (p *Pattern) matchError(err error) error {
	switch {
	case err == nil:
		return nil
	case errors.Is(err, regexp2.ErrBacktrackingStackLimit):
		return fmt.Errorf("%w: matching gave up: the pattern backtracks too deeply", ErrBadRegex)
	case strings.HasPrefix(err.Error(), "match timeout"):
		// regexp2's timeout error quotes the whole input; keep the message short.
		return fmt.Errorf("%w: matching gave up after %v: the pattern backtracks too much", ErrBadRegex, p.bt.MatchTimeout)
	default:
		return fmt.Errorf("%w: %v", ErrBadRegex, err)
	}
}

var regexCache struct {
	sync.Mutex
	m map[[2]string]*Pattern
}

const regexCacheSize = 512

// CompileRegex compiles an XPath regular expression with XPath flags
// (https://www.w3.org/TR/xpath-functions-31/#regex-syntax), caching the result (a bounded
// cache shared by all queries). Errors wrap ErrBadRegex; they include XPath's
// err:FORX0002 cases of a back-reference to a group that does not exist or is not closed
// before it.
func CompileRegex(pattern, flags string) (*Pattern, error) {
	key := [2]string{pattern, flags}
	regexCache.Lock()
	re, ok := regexCache.m[key]
	regexCache.Unlock()
	if ok {
		return re, nil
	}
	tr, err := translateRegex(pattern, flags)
	if err != nil {
		return nil, err
	}
	if tr.backrefs {
		re, err = compileBacktracking(tr, RegexMatchTimeout)
	} else {
		re, err = compileRE2(tr.src)
	}
	if err != nil {
		return nil, err
	}
	regexCache.Lock()
	if regexCache.m == nil || len(regexCache.m) >= regexCacheSize {
		regexCache.m = make(map[[2]string]*Pattern)
	}
	regexCache.m[key] = re
	regexCache.Unlock()
	return re, nil
}

func compileRE2(src string) (*Pattern, error) {
	re, err := regexp.Compile(src)
	if err != nil {
		return nil, fmt.Errorf("%w: %v", ErrBadRegex, err)
	}
	return &Pattern{re2: re, groups: re.NumSubexp()}, nil
}

// compileBacktracking compiles a translation on regexp2. The syntax accepted must not
// depend on the engine, so the translation is first checked by RE2 with every
// back-reference made empty (tr.probe): what RE2 rejects, or numbers differently (named
// groups), is ErrBadRegex here too.
func compileBacktracking(tr translation, timeout time.Duration) (*Pattern, error) {
	probe, err := regexp.Compile(tr.probe)
	if err != nil {
		return nil, fmt.Errorf("%w: %v", ErrBadRegex, err)
	}
	if probe.NumSubexp() != tr.groups {
		return nil, fmt.Errorf("%w: only ( and (?: groups may be used with back-references", ErrBadRegex)
	}
	// RE2 mode gives $ and \s Go's meaning, as in patterns without back-references.
	re, err := regexp2.Compile(tr.src, regexp2.RE2)
	if err != nil {
		return nil, fmt.Errorf("%w: %v", ErrBadRegex, err)
	}
	re.MatchTimeout = timeout
	return &Pattern{bt: re, groups: tr.groups}, nil
}
