package expr

import (
	"errors"
	"strings"
	"testing"
	"time"

	"github.com/uitwisselingsplatform/uwp/rdf"
)

// TestRegex_BacktrackingGivesUp: a back-referencing pattern with nested quantifiers takes
// time exponential in the input on a backtracking engine; the match must stop with an
// ErrBadRegex error, not hang. The limit is what stops it, not the test's clock.
func TestRegex_BacktrackingGivesUp(t *testing.T) {
	for _, pat := range []string{`^(a|aa)+\1b$`, `^((a+)+)\1b$`} {
		tr, err := translateRegex(pat, "")
		if err != nil {
			t.Fatal(err)
		}
		re, err := compileBacktracking(tr, 10*time.Millisecond)
		if err != nil {
			t.Fatal(err)
		}
		text := strings.Repeat("a", 5000) + "c"
		ok, err := re.MatchString(text)
		if !errors.Is(err, ErrBadRegex) || !strings.Contains(err.Error(), "gave up") {
			t.Errorf("%s: MatchString = %v, %v; want an ErrBadRegex that says matching gave up", pat, ok, err)
		}
		if _, err := re.replaceAll(text, []replacementPart{{group: 1}}); !errors.Is(err, ErrBadRegex) {
			t.Errorf("%s: replaceAll error = %v, want ErrBadRegex", pat, err)
		}
	}
}

// TestRegex_Engines: only patterns with back-references leave RE2.
func TestRegex_Engines(t *testing.T) {
	for _, c := range []struct {
		pattern, flags string
		backtracking   bool
	}{
		{`(a)\1`, "", true},
		{`(a)\\1`, "", false},
		{`(a)\1`, "q", false},
		{`[a-z]+(\d)`, "i", false},
	} {
		re, err := CompileRegex(c.pattern, c.flags)
		if err != nil {
			t.Fatalf("%s: %v", c.pattern, err)
		}
		if got := re.bt != nil; got != c.backtracking {
			t.Errorf("%q %q: backtracking = %v, want %v (source %s)", c.pattern, c.flags, got, c.backtracking, re)
		}
	}
}

// TestRegex_ForwardReferenceIsFORX0002 checks the message of XPath's error cases.
func TestRegex_ForwardReferenceIsFORX0002(t *testing.T) {
	for _, pat := range []string{`\1(a)`, `(a\1)`, `(a)\2`} {
		_, err := Regex(rdf.NewLiteral("aa"), rdf.NewLiteral(pat), nil)
		if !errors.Is(err, ErrBadRegex) || !strings.Contains(err.Error(), "FORX0002") {
			t.Errorf("%s: error %v, want ErrBadRegex naming err:FORX0002", pat, err)
		}
	}
}
