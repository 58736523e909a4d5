package main

import (
	"fmt"
	"io"
	"strings"
	"time"
)

// progressLine redraws one status line on a terminal: statements, rate, bytes read and, when
// the total size is known, an ETA. It prints nothing when the output is not a terminal.
type progressLine struct {
	w       io.Writer
	on      bool
	start   time.Time
	total   int64 // bytes, or <= 0 when unknown (stdin, compressed input counts compressed bytes)
	lastLen int
}

func newProgressLine(w io.Writer, tty bool, total int64) *progressLine {
	return &progressLine{w: w, on: tty, start: time.Now(), total: total}
}

// update redraws the line.
func (p *progressLine) update(statements, bytesRead int64) {
	if !p.on {
		return
	}
	el := time.Since(p.start).Seconds()
	if el <= 0 {
		el = 1e-9
	}
	s := fmt.Sprintf("%s statements  %s/s  %s read", human(float64(statements)), human(float64(statements)/el), humanBytes(bytesRead))
	if p.total > 0 && bytesRead > 0 && bytesRead < p.total {
		eta := time.Duration(el*float64(p.total-bytesRead)/float64(bytesRead)) * time.Second
		s += fmt.Sprintf(" of %s  ETA %s", humanBytes(p.total), eta.Round(time.Second))
	}
	pad := ""
	if n := p.lastLen - len(s); n > 0 {
		pad = strings.Repeat(" ", n)
	}
	p.lastLen = len(s)
	fmt.Fprintf(p.w, "\r%s%s", s, pad)
}

// done ends the line so that later output starts on a fresh one.
func (p *progressLine) done() {
	if p.on && p.lastLen > 0 {
		fmt.Fprintln(p.w)
	}
}

func human(v float64) string {
	switch {
	case v >= 1e9:
		return fmt.Sprintf("%.2fG", v/1e9)
	case v >= 1e6:
		return fmt.Sprintf("%.2fM", v/1e6)
	case v >= 1e4:
		return fmt.Sprintf("%.1fK", v/1e3)
	default:
		return fmt.Sprintf("%.0f", v)
	}
}

func humanBytes(n int64) string {
	const unit = 1024
	if n < unit {
		return fmt.Sprintf("%d B", n)
	}
	div, exp := int64(unit), 0
	for m := n / unit; m >= unit; m /= unit {
		div *= unit
		exp++
	}
	return fmt.Sprintf("%.1f %ciB", float64(n)/float64(div), "KMGTPE"[exp])
}

// clear wipes the line so that a message can be printed; the next update redraws it.
func (p *progressLine) clear() {
	if p.on && p.lastLen > 0 {
		fmt.Fprintf(p.w, "\r%s\r", strings.Repeat(" ", p.lastLen))
		p.lastLen = 0
	}
}
