package expr

import (
	"strings"
	"testing"
	"time"
	"unicode/utf8"
)

// FuzzRegexEngines compiles a pattern without back-references both ways, on RE2 (as
// CompileRegex does) and on regexp2 (as it does for patterns with back-references), and
// checks the two agree on REGEX and on what REPLACE replaces: the backtracking engine must
// not change what a pattern means. It also checks REPLACE's expansion of $N on RE2 against
// regexp.ReplaceAllString. Pairs one engine rejects, or whose backtracking match
// gives up, are skipped. Groups are compared by count, not by what they captured: inside a
// repetition whose last round matches the empty string, as in (a*)+b, RE2 keeps the
// group's last non-empty capture and a backtracking engine (Perl, Java, .NET) the empty
// one; XPath does not say which is right.
func FuzzRegexEngines(f *testing.F) {
	for _, s := range [][3]string{
		{`^ali`, "i", "Alice"},
		{`a.c`, "", "a\rc a\nc abc"},
		{`a.c`, "s", "a\nc"},
		{`^b$`, "m", "a\nb\nc"},
		{`a b c`, "x", "abc"},
		{`\w+`, "", "été a-b ٣"},
		{`[\w-]+\d`, "i", "x-Y7"},
		{`(ab)|(a)`, "", "abcd"},
		{`(a|ab)(c|bcd)(d*)`, "", "abcd"},
		{`(a*)+b`, "", "aab"},
		{`(?:x(y)?)+z`, "", "xyxz"},
		{`\s+\S`, "", "a \t\n\fb"},
		{`[^\n\r]+$`, "m", "ab\r\ncd\n"},
		{`ΣΑ|k`, "i", "σα Kelvin"},
		{`a{2,3}?`, "", "aaaa"},
		{`\p{Lu}\P{L}`, "", "A1b"},
		{`\i\c*`, "", "x:y-1 2"},
		{`.?.?`, "q", "a.?.?b"},
	} {
		f.Add(s[0], s[1], s[2])
	}
	f.Fuzz(func(t *testing.T, pattern, flags, text string) {
		if !utf8.ValidString(pattern) || !utf8.ValidString(text) || len(pattern) > 64 || len(text) > 256 {
			return
		}
		tr, err := translateRegex(pattern, flags)
		if err != nil || tr.backrefs {
			return
		}
		re, err := compileRE2(tr.src)
		if err != nil {
			return
		}
		bt, err := compileBacktracking(tr, 20*time.Millisecond) // a pattern that backtracks badly is skipped
		if err != nil {
			return
		}
		if re.NumSubexp() != bt.NumSubexp() {
			t.Fatalf("%q %q: %d groups on RE2, %d on regexp2", pattern, flags, re.NumSubexp(), bt.NumSubexp())
		}
		want := re.re2.MatchString(text)
		got, err := bt.MatchString(text)
		if err != nil {
			return
		}
		if got != want {
			t.Fatalf("%q %q on %q: RE2 %v, regexp2 %v (source %s)", pattern, flags, text, want, got, tr.src)
		}
		if re.re2.MatchString("") {
			return // REPLACE refuses the pattern
		}
		// RE2's own ReplaceAllString and replaceAll's expansion agree, groups included.
		const rep = "<$0|$1|$2>"
		parts, err := parseReplacement(rep, re.NumSubexp())
		if err != nil {
			t.Fatal(err)
		}
		wantS := re.re2.ReplaceAllString(text, strings.NewReplacer("$0", "${0}", "$1", "${1}", "$2", "${2}").Replace(rep))
		if gotS, _ := re.replaceAll(text, parts); gotS != wantS {
			t.Fatalf("%q %q on %q: replaceAll gives %q, ReplaceAllString %q", pattern, flags, text, gotS, wantS)
		}
		parts, _ = parseReplacement("<$0>", re.NumSubexp())
		wantS, _ = re.replaceAll(text, parts)
		gotS, err := bt.replaceAll(text, parts)
		if err == nil && gotS != wantS {
			t.Fatalf("%q %q on %q: REPLACE gives %q on RE2, %q on regexp2 (source %s)", pattern, flags, text, wantS, gotS, tr.src)
		}
	})
}
