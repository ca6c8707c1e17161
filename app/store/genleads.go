//go:build ignore

// genleads writes N generated leads (default 100,000) as one JSON array to
// a file, 1000 at a time so it never holds the whole 330 MB, for
// .ci/firstrows.sh and manual scale tests:
//
//	go run ./app/store/genleads.go 100000 /tmp/leads-100k.json
package main

import (
	"bufio"
	"bytes"
	"fmt"
	"os"
	"strconv"

	"github.com/rabitiq/superoffice-sync/core/lead/leadgen"
)

func main() {
	if len(os.Args) != 3 {
		fmt.Fprintln(os.Stderr, "usage: go run ./app/store/genleads.go N FILE")
		os.Exit(2)
	}
	n, err := strconv.Atoi(os.Args[1])
	if err != nil || n <= 0 || n%1000 != 0 {
		fmt.Fprintln(os.Stderr, "genleads: N must be a positive multiple of 1000")
		os.Exit(2)
	}
	f, err := os.Create(os.Args[2])
	if err != nil {
		fmt.Fprintln(os.Stderr, "genleads:", err)
		os.Exit(1)
	}
	w := bufio.NewWriterSize(f, 1<<20)
	w.WriteString("[\n")
	for c := 0; c < n/1000; c++ {
		body := bytes.TrimSpace(leadgen.File(1000, uint64(100+c)))
		body = bytes.TrimSuffix(bytes.TrimPrefix(body, []byte("[")), []byte("]"))
		if c > 0 {
			w.WriteString(",")
		}
		w.Write(body)
	}
	w.WriteString("]\n")
	if err := w.Flush(); err != nil {
		fmt.Fprintln(os.Stderr, "genleads:", err)
		os.Exit(1)
	}
	if err := f.Close(); err != nil {
		fmt.Fprintln(os.Stderr, "genleads:", err)
		os.Exit(1)
	}
}
