package main

import (
	"bytes"
	"os"
	"path/filepath"
	"testing"
)

// TestGenerated_UpToDate regenerates every file in memory and compares it with the file on
// disk, so that a change to table.go or to the OSLO vocabulary without go generate fails.
func TestGenerated_UpToDate(t *testing.T) {
	root, err := repoRoot()
	if err != nil {
		t.Fatal(err)
	}
	voc := filepath.Join(osloDir(root), "cultuurparticipatie", "cultuurparticipatie-voc.ttl")
	if _, err := os.Stat(voc); err != nil {
		if os.Getenv("CI") == "true" {
			t.Fatalf("OSLO vocabulary missing under CI: %v", err)
		}
		t.Skipf("OSLO vocabulary not found (%v); set UWP_OSLO_DIR", err)
	}
	files, err := generate(voc)
	if err != nil {
		t.Fatal(err)
	}
	for name, want := range files {
		got, err := os.ReadFile(filepath.Join(root, "vocab", filepath.FromSlash(name)))
		if err != nil {
			t.Errorf("%s: %v (run go generate ./vocab/...)", name, err)
			continue
		}
		if !bytes.Equal(got, want) {
			t.Errorf("vocab/%s is out of date: run go generate ./vocab/...", name)
		}
	}
}

func TestIdent(t *testing.T) {
	for in, want := range map[string]string{
		"Activiteit.prijs":                       "ActiviteitPrijs",
		"P14_carried_out_by":                     "P14CarriedOutBy",
		"E52_Time-Span":                          "E52TimeSpan",
		"ActiviteitVerhouding.activiteit.source": "ActiviteitVerhoudingActiviteitSource",
		"type":                                   "Type",
	} {
		if got := ident(in); got != want {
			t.Errorf("ident(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestMakeTerms_PropertySuffix(t *testing.T) {
	terms, err := makeTerms(vocabulary{Pkg: "x"}, []string{"address", "Address", "Feedback.content", "FeedbackContent"}, nil)
	if err != nil {
		t.Fatal(err)
	}
	got := map[string]string{}
	for _, tm := range terms {
		got[tm.Local] = tm.Ident
	}
	want := map[string]string{"address": "AddressProp", "Address": "Address",
		"Feedback.content": "FeedbackContentProp", "FeedbackContent": "FeedbackContent"}
	for l, id := range want {
		if got[l] != id {
			t.Errorf("%s -> %s, want %s", l, got[l], id)
		}
	}
	if _, err := makeTerms(vocabulary{Pkg: "x"}, []string{"a_b", "a.b"}, nil); err == nil {
		t.Error("two local names with one identifier: no error")
	}
}
