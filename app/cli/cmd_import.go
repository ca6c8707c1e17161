package cli

import (
	"context"
	"fmt"

	"github.com/rabitiq/superoffice-sync/app/importer"
	"github.com/rabitiq/superoffice-sync/core/msg"
)

func runImport(ctx context.Context, env Env, args []string) int {
	fs := newFlags(env, "import")
	db := fs.String("db", "", msg.CLIFlagDB)
	asJSON := fs.Bool("json", false, msg.CLIFlagJSON)
	files, err := parse(fs, args)
	if err != nil {
		return ExitUsage
	}
	if len(files) == 0 {
		return fail(env, ExitUsage, usageError{env.say(msg.CLIImportNoFile)})
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
		printReport(env, r)
	}
	return code
}

// printReport writes one file's import in the CLI's language.
func printReport(env Env, r importer.FileReport) {
	w := env.Stdout
	if r.Error != "" && r.Total() == 0 {
		fmt.Fprintln(w, env.say(msg.CLIImportFailed, "file", r.File, "error", r.Error))
		return
	}
	if r.Error != "" {
		// Batches committed before the fault stay; a second import of the
		// file completes it without duplicates.
		fmt.Fprintln(w, env.say(msg.CLIImportPartial, "file", r.File, "imported", r.Imported, "updated", r.Updated, "unchanged", r.Unchanged, "error", r.Error))
		return
	}
	fmt.Fprintln(w, env.say(msg.CLIImportCounts, "file", r.File, "imported", r.Imported, "updated", r.Updated, "unchanged", r.Unchanged, "rejected", len(r.Rejected)))
	for _, rj := range r.Rejected {
		fmt.Fprintf(w, "  %s: %s\n", env.say(msg.CLIRejected), rj.Reason)
	}
	for _, wn := range r.Warnings {
		fmt.Fprintf(w, "  %s: %s\n", env.say(msg.CLIWarning), wn)
	}
}
