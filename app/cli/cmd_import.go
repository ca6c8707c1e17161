package cli

import (
	"context"
	"fmt"
	"io"

	"github.com/rabitiq/superoffice-sync/app/importer"
)

func runImport(ctx context.Context, env Env, args []string) int {
	fs := newFlags(env, "import")
	db := fs.String("db", "", "database file")
	asJSON := fs.Bool("json", false, "print the result as JSON")
	files, err := parse(fs, args)
	if err != nil {
		return ExitUsage
	}
	if len(files) == 0 {
		return fail(env, ExitUsage, usageError{"import: name at least one lead file"})
	}
	d, err := openDB(ctx, env, *db)
	if err != nil {
		return fail(env, ExitFailure, err)
	}
	defer d.Close()
	reports := importer.Files(ctx, d, files, env.Now)
	code := ExitOK
	for _, r := range reports {
		if !r.Clean() {
			code = ExitFailure
		}
	}
	if *asJSON {
		if err := writeJSON(env.Stdout, map[string]any{"files": reports}); err != nil {
			return fail(env, ExitFailure, err)
		}
		return code
	}
	for _, r := range reports {
		printReport(env.Stdout, r)
	}
	return code
}

func printReport(w io.Writer, r importer.FileReport) {
	if r.Error != "" && r.Total() == 0 {
		fmt.Fprintf(w, "%s: FEJL, intet importeret: %s\n", r.File, r.Error)
		return
	}
	if r.Error != "" {
		// Batches committed before the fault stay; a second import of the
		// file completes it without duplicates.
		fmt.Fprintf(w, "%s: FEJL efter %d importeret, %d opdateret, %d uændret (gemt; importér filen igen for at fuldføre): %s\n",
			r.File, r.Imported, r.Updated, r.Unchanged, r.Error)
		return
	}
	fmt.Fprintf(w, "%s: %d importeret, %d opdateret, %d uændret, %d afvist\n",
		r.File, r.Imported, r.Updated, r.Unchanged, len(r.Rejected))
	for _, rj := range r.Rejected {
		fmt.Fprintf(w, "  afvist: %s\n", rj.Reason)
	}
	for _, wn := range r.Warnings {
		fmt.Fprintf(w, "  advarsel: %s\n", wn)
	}
}
