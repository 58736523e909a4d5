package pseudo

import (
	"errors"
	"strconv"
	"strings"
	"time"
)

// ErrBadDate is returned for a birth date BirthYear cannot read.
var ErrBadDate = errors.New("unreadable date")

// BirthYear reduces a birth date to its year. It reads YYYY-MM-DD (with an optional time),
// DD/MM/YYYY, DD-MM-YYYY, DD.MM.YYYY and a bare YYYY, and refuses years before 1900 or after
// now.
func BirthYear(date string, now time.Time) (int, error) {
	s := strings.TrimSpace(date)
	var y int
	var t time.Time
	var err error
	switch {
	case len(s) == 4:
		y, err = strconv.Atoi(s)
	case len(s) >= 10 && s[4] == '-':
		t, err = time.Parse("2006-01-02", s[:10])
		y = t.Year()
	case len(s) == 10 && (s[2] == '/' || s[2] == '-' || s[2] == '.'):
		t, err = time.Parse("02"+s[2:3]+"01"+s[5:6]+"2006", s)
		y = t.Year()
	default:
		err = ErrBadDate
	}
	if err != nil || y < 1900 || y > now.Year() {
		return 0, ErrBadDate
	}
	return y, nil
}

// AgeBand returns the age band of someone born in birthYear at the time now, in the bands
// of schema:typicalAgeRange: "0-11", "12-17", "18-24", "25-34", ... "55-64", "65-".
func AgeBand(birthYear int, now time.Time) string {
	age := now.Year() - birthYear
	bands := [...]struct{ lo, hi int }{{0, 11}, {12, 17}, {18, 24}, {25, 34}, {35, 44}, {45, 54}, {55, 64}}
	for _, b := range bands {
		if age <= b.hi {
			return strconv.Itoa(b.lo) + "-" + strconv.Itoa(b.hi)
		}
	}
	return "65-"
}

// PostalCode reduces a postal code or a whole address line to the postal code: for Belgium
// (country "BE" or "") the last run of exactly four digits (so "Kerkstraat 1234, 9000 Gent"
// gives 9000); elsewhere the code as given, trimmed
// and upper-cased. It returns "" when none is found: a street address never passes through.
func PostalCode(s, country string) string {
	s = strings.TrimSpace(s)
	country = strings.ToUpper(strings.TrimSpace(country))
	if country == "" || country == "BE" {
		run, last := 0, ""
		for i := 0; i < len(s); i++ {
			if s[i] >= '0' && s[i] <= '9' {
				run++
				if run == 4 && (i+1 == len(s) || s[i+1] < '0' || s[i+1] > '9') {
					last = s[i-3 : i+1]
				}
				continue
			}
			run = 0
		}
		return last
	}
	if len(s) > 10 || strings.ContainsAny(s, ",") {
		return "" // an address line, not a code
	}
	return strings.ToUpper(s)
}
