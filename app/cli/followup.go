package cli

import (
	"fmt"
	"strconv"
	"strings"

	"github.com/rabitiq/superoffice-sync/app/export"
)

// maxFollowUpDays bounds `sync --follow-up N`: twelve weeks of working
// days is further ahead than a follow-up on a fresh lead makes sense.
const maxFollowUpDays = 60

// followUpDays reads `--follow-up N`; "" and 0 mean no follow-up.
func followUpDays(v string) (int, bool) {
	if strings.TrimSpace(v) == "" {
		return 0, true
	}
	n, err := strconv.Atoi(strings.TrimSpace(v))
	if err != nil || n < 0 || n > maxFollowUpDays {
		return 0, false
	}
	return n, true
}

// printFollowUp says what follow-up a sync booked, in the CLI's language.
func printFollowUp(env Env, res *export.Result) {
	if res.FollowUp != nil {
		fmt.Fprintln(env.Stdout, "  "+res.FollowUp.Message().Text(env.lang()))
	}
}
