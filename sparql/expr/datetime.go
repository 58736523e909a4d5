package expr

import (
	"fmt"
	"math/big"
	"strconv"
	"strings"
	"time"

	"github.com/uitwisselingsplatform/uwp/rdf"
)

// DateTime is a parsed xsd:dateTime or xsd:date (XSD 1.1 Part 2, 3.3.7 and 3.3.9).
// Hour 24 is normalised away (24:00:00 is 00:00:00 of the next day) only when comparing.
type DateTime struct {
	Year                 int64
	Month, Day           int
	Hour, Minute, Second int
	Frac                 string // fractional second digits, trailing zeros removed; "" for none
	TZ                   int    // offset from UTC in minutes, valid when HasTZ
	HasTZ                bool
	IsDate               bool // an xsd:date: no time of day
}

// ParseDateTime reads an xsd:dateTime or xsd:date literal. It returns ErrTypeError for other
// terms and ErrInvalidLexical for an ill-formed lexical form.
func ParseDateTime(t rdf.Term) (DateTime, error) {
	l, ok := t.(rdf.Literal)
	if !ok {
		if t == nil {
			return DateTime{}, ErrUnbound
		}
		return DateTime{}, ErrTypeError
	}
	return parseDateTimeLit(l)
}

func parseDateTimeLit(l rdf.Literal) (DateTime, error) {
	switch l.Datatype {
	case rdf.XSDDateTime:
		return parseDateTime(l.Lexical, false)
	case rdf.XSDDate:
		return parseDateTime(l.Lexical, true)
	}
	return DateTime{}, ErrTypeError
}

func digits(s string, n int) (int, bool) {
	if len(s) < n {
		return 0, false
	}
	v := 0
	for i := 0; i < n; i++ {
		c := s[i]
		if c < '0' || c > '9' {
			return 0, false
		}
		v = v*10 + int(c-'0')
	}
	return v, true
}

func isLeap(y int64) bool { return y%4 == 0 && (y%100 != 0 || y%400 == 0) }

func daysIn(y int64, m int) int {
	switch m {
	case 2:
		if isLeap(y) {
			return 29
		}
		return 28
	case 4, 6, 9, 11:
		return 30
	}
	return 31
}

// parseDateTime parses '-'? yyyy '-' mm '-' dd ('T' hh ':' mm ':' ss ('.' s+)?)? zone?.
func parseDateTime(s string, date bool) (DateTime, error) {
	var d DateTime
	d.IsDate = date
	bad := func() (DateTime, error) { return DateTime{}, ErrInvalidLexical }
	neg := false
	if strings.HasPrefix(s, "-") {
		neg = true
		s = s[1:]
	}
	i := 0
	for i < len(s) && s[i] >= '0' && s[i] <= '9' {
		i++
	}
	if i < 4 || (i > 4 && s[0] == '0') || i > 15 {
		return bad()
	}
	y, err := strconv.ParseInt(s[:i], 10, 64)
	if err != nil {
		return bad()
	}
	if neg {
		y = -y
	}
	d.Year = y
	s = s[i:]
	var ok bool
	if len(s) < 6 || s[0] != '-' || s[3] != '-' {
		return bad()
	}
	if d.Month, ok = digits(s[1:], 2); !ok || d.Month < 1 || d.Month > 12 {
		return bad()
	}
	if d.Day, ok = digits(s[4:], 2); !ok || d.Day < 1 || d.Day > daysIn(y, d.Month) {
		return bad()
	}
	s = s[6:]
	if !date {
		if len(s) < 9 || s[0] != 'T' || s[3] != ':' || s[6] != ':' {
			return bad()
		}
		if d.Hour, ok = digits(s[1:], 2); !ok || d.Hour > 24 {
			return bad()
		}
		if d.Minute, ok = digits(s[4:], 2); !ok || d.Minute > 59 {
			return bad()
		}
		if d.Second, ok = digits(s[7:], 2); !ok || d.Second > 59 {
			return bad()
		}
		s = s[9:]
		if strings.HasPrefix(s, ".") {
			j := 1
			for j < len(s) && s[j] >= '0' && s[j] <= '9' {
				j++
			}
			if j == 1 {
				return bad()
			}
			d.Frac = strings.TrimRight(s[1:j], "0")
			s = s[j:]
		}
		if d.Hour == 24 && (d.Minute != 0 || d.Second != 0 || d.Frac != "") {
			return bad()
		}
	}
	switch {
	case s == "":
	case s == "Z":
		d.HasTZ = true
	case len(s) == 6 && (s[0] == '+' || s[0] == '-') && s[3] == ':':
		h, ok1 := digits(s[1:], 2)
		m, ok2 := digits(s[4:], 2)
		if !ok1 || !ok2 || m > 59 || h > 14 || (h == 14 && m != 0) {
			return bad()
		}
		d.TZ = h*60 + m
		if s[0] == '-' {
			d.TZ = -d.TZ
		}
		d.HasTZ = true
	default:
		return bad()
	}
	return d, nil
}

// daysFromCivil returns the days since 1970-01-01 of a proleptic Gregorian date
// (H. Hinnant's algorithm).
func daysFromCivil(y int64, m, d int) int64 {
	if m <= 2 {
		y--
	}
	era := y / 400
	if y < 0 && y%400 != 0 {
		era--
	}
	yoe := y - era*400
	mp := (m + 9) % 12
	doy := int64((153*mp+2)/5 + d - 1)
	doe := yoe*365 + yoe/4 - yoe/100 + doy
	return era*146097 + doe - 719468
}

// seconds returns the instant as seconds since the epoch, reading a missing timezone as UTC.
func (d DateTime) seconds() int64 {
	s := daysFromCivil(d.Year, d.Month, d.Day)*86400 + int64(d.Hour)*3600 + int64(d.Minute)*60 + int64(d.Second)
	if d.HasTZ {
		s -= int64(d.TZ) * 60
	}
	return s
}

func cmpInstant(s1 int64, f1 string, s2 int64, f2 string) int {
	switch {
	case s1 < s2:
		return -1
	case s1 > s2:
		return 1
	}
	return strings.Compare(f1, f2) // trailing zeros are stripped, so this is numeric order
}

// Compare orders two date/times as XSD's partial order does (XSD 1.1 Part 2, D.2.1): when
// exactly one has a timezone, the other is compared at both -14:00 and +14:00 and the result
// is defined only when both agree. ok is false when the values are incomparable, and when
// a date is compared with a dateTime.
func (d DateTime) Compare(e DateTime) (c int, ok bool) {
	if d.IsDate != e.IsDate {
		return 0, false
	}
	ds, es := d.seconds(), e.seconds()
	if d.HasTZ == e.HasTZ {
		return cmpInstant(ds, d.Frac, es, e.Frac), true
	}
	const w = 14 * 3600
	if !d.HasTZ {
		lo := cmpInstant(ds-w, d.Frac, es, e.Frac)
		hi := cmpInstant(ds+w, d.Frac, es, e.Frac)
		if lo == hi && lo != 0 {
			return lo, true
		}
		return 0, false
	}
	c, ok = e.Compare(d)
	return -c, ok
}

// tzString returns the zone as written by TZ: "Z", "-08:00", or "" when there is none.
func (d DateTime) tzString() string {
	switch {
	case !d.HasTZ:
		return ""
	case d.TZ == 0:
		return "Z"
	}
	sign, m := '+', d.TZ
	if m < 0 {
		sign, m = '-', -m
	}
	return fmt.Sprintf("%c%02d:%02d", sign, m/60, m%60)
}

// civilFromDays is the inverse of daysFromCivil.
func civilFromDays(z int64) (y int64, m, d int) {
	z += 719468
	era := z / 146097
	if z < 0 && z%146097 != 0 {
		era--
	}
	doe := z - era*146097
	yoe := (doe - doe/1460 + doe/36524 - doe/146096) / 365
	y = yoe + era*400
	doy := doe - (365*yoe + yoe/4 - yoe/100)
	mp := (5*doy + 2) / 153
	d = int(doy - (153*mp+2)/5 + 1)
	m = int(mp + 3)
	if m > 12 {
		m -= 12
	}
	if m <= 2 {
		y++
	}
	return y, m, d
}

// String returns the canonical lexical form (24:00:00 becomes 00:00:00 of the next day).
func (d DateTime) String() string {
	if d.Hour == 24 {
		d.Year, d.Month, d.Day = civilFromDays(daysFromCivil(d.Year, d.Month, d.Day) + 1)
		d.Hour = 0
	}
	var b strings.Builder
	y := d.Year
	if y < 0 {
		b.WriteByte('-')
		y = -y
	}
	fmt.Fprintf(&b, "%04d-%02d-%02d", y, d.Month, d.Day)
	if !d.IsDate {
		fmt.Fprintf(&b, "T%02d:%02d:%02d", d.Hour, d.Minute, d.Second)
		if d.Frac != "" {
			b.WriteByte('.')
			b.WriteString(d.Frac)
		}
	}
	b.WriteString(d.tzString())
	return b.String()
}

// Literal returns the value as an xsd:dateTime (or xsd:date) literal.
func (d DateTime) Literal() rdf.Literal {
	dt := rdf.XSDDateTime
	if d.IsDate {
		dt = rdf.XSDDate
	}
	return rdf.Literal{Lexical: d.String(), Datatype: dt}
}

// FromTime returns t as an xsd:dateTime with its zone offset (minute precision).
func FromTime(t time.Time) DateTime {
	_, off := t.Zone()
	frac := ""
	if ns := t.Nanosecond(); ns != 0 {
		frac = strings.TrimRight(fmt.Sprintf("%09d", ns), "0")
	}
	return DateTime{
		Year: int64(t.Year()), Month: int(t.Month()), Day: t.Day(),
		Hour: t.Hour(), Minute: t.Minute(), Second: t.Second(), Frac: frac,
		TZ: off / 60, HasTZ: true,
	}
}

func dateTimeArg(t rdf.Term) (DateTime, error) {
	d, err := ParseDateTime(t)
	if err != nil {
		return d, err
	}
	if d.IsDate {
		return d, ErrTypeError
	}
	return d, nil
}

// Year implements YEAR (https://www.w3.org/TR/sparql11-query/#func-year).
func Year(t rdf.Term) (rdf.Term, error) {
	d, err := dateTimeArg(t)
	if err != nil {
		return nil, err
	}
	return Int(d.Year).Literal(), nil
}

// Month implements MONTH.
func Month(t rdf.Term) (rdf.Term, error) {
	d, err := dateTimeArg(t)
	if err != nil {
		return nil, err
	}
	return Int(int64(d.Month)).Literal(), nil
}

// Day implements DAY.
func Day(t rdf.Term) (rdf.Term, error) {
	d, err := dateTimeArg(t)
	if err != nil {
		return nil, err
	}
	return Int(int64(d.Day)).Literal(), nil
}

// Hours implements HOURS.
func Hours(t rdf.Term) (rdf.Term, error) {
	d, err := dateTimeArg(t)
	if err != nil {
		return nil, err
	}
	return Int(int64(d.Hour)).Literal(), nil
}

// Minutes implements MINUTES.
func Minutes(t rdf.Term) (rdf.Term, error) {
	d, err := dateTimeArg(t)
	if err != nil {
		return nil, err
	}
	return Int(int64(d.Minute)).Literal(), nil
}

// Seconds implements SECONDS: an xsd:decimal with the fractional seconds.
func Seconds(t rdf.Term) (rdf.Term, error) {
	d, err := dateTimeArg(t)
	if err != nil {
		return nil, err
	}
	s := strconv.Itoa(d.Second)
	if d.Frac != "" {
		s += "." + d.Frac
	}
	r, _ := new(big.Rat).SetString(s)
	return Decimal(r).Literal(), nil
}

// Timezone implements TIMEZONE: the offset as an xsd:dayTimeDuration ("PT0S", "-PT8H",
// "PT5H30M"); a dateTime without a zone is an error.
func Timezone(t rdf.Term) (rdf.Term, error) {
	d, err := dateTimeArg(t)
	if err != nil {
		return nil, err
	}
	if !d.HasTZ {
		return nil, ErrBadArgument
	}
	m := d.TZ
	var b strings.Builder
	if m < 0 {
		b.WriteByte('-')
		m = -m
	}
	b.WriteString("PT")
	if m == 0 {
		b.WriteString("0S")
	}
	if m/60 != 0 {
		b.WriteString(strconv.Itoa(m/60) + "H")
	}
	if m%60 != 0 {
		b.WriteString(strconv.Itoa(m%60) + "M")
	}
	return rdf.Literal{Lexical: b.String(), Datatype: XSDDayTimeDuration}, nil
}

// TZ implements TZ: the zone as a simple literal ("Z", "-08:00", "").
func TZ(t rdf.Term) (rdf.Term, error) {
	d, err := dateTimeArg(t)
	if err != nil {
		return nil, err
	}
	return rdf.NewLiteral(d.tzString()), nil
}

// Now implements NOW: the evaluator fixes one instant per query and passes it here.
func Now(t time.Time) rdf.Term { return FromTime(t).Literal() }
