// genleads writes N generated leads (default 100,000) as one JSON array to
// a file, 1000 at a time so it never holds the whole 330 MB, for
// .ci/firstrows.sh and manual scale tests:
//
//	go run ./cmd/genleads 100000 /tmp/leads-100k.json
package main

import (
	"fmt"
	"os"
	"strconv"

	"github.com/rabitiq/superoffice-sync/core/lead/leadgen"
)

func main() {
	if len(os.Args) != 3 {
		fmt.Fprintln(os.Stderr, "usage: go run ./cmd/genleads N FILE")
		os.Exit(2)
	}
	n, err := strconv.Atoi(os.Args[1])
	if err != nil {
		fmt.Fprintln(os.Stderr, "genleads: N must be a positive multiple of 1000")
		os.Exit(2)
	}
	f, err := os.Create(os.Args[2])
	if err != nil {
		fmt.Fprintln(os.Stderr, "genleads:", err)
		os.Exit(1)
	}
	if err := leadgen.WriteBig(f, n); err != nil {
		fmt.Fprintln(os.Stderr, "genleads:", err)
		os.Exit(2)
	}
	if err := f.Close(); err != nil {
		fmt.Fprintln(os.Stderr, "genleads:", err)
		os.Exit(1)
	}
}
