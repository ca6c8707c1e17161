package export

import (
	"encoding/csv"
	"fmt"
	"io"
	"strings"
	"time"

	"github.com/rabitiq/superoffice-sync/app/store"
)

// historyCSVHeader is the CSV export's header row.
var historyCSVHeader = []string{"tidspunkt", "lead_id", "firma", "tenant", "bruger", "handling", "superoffice_id",
	"felter_skrevet", "felter_sprunget_over", "felter_beholdt", "personer_oprettet", "personer_opdateret", "fejl"}

// WriteHistoryCSV writes sync history as CSV (comma-separated, UTF-8 with
// a byte-order mark so Excel on a Danish Windows reads æøå right).
func WriteHistoryCSV(w io.Writer, entries []store.HistoryEntry) error {
	if _, err := io.WriteString(w, "\ufeff"); err != nil {
		return err
	}
	cw := csv.NewWriter(w)
	if err := cw.Write(historyCSVHeader); err != nil {
		return err
	}
	for _, h := range entries {
		so := ""
		if h.SOContactID != nil {
			so = fmt.Sprint(*h.SOContactID)
		}
		rec := []string{h.At.UTC().Format(time.RFC3339), fmt.Sprint(h.LeadID), h.CompanyName, h.Tenant, h.User, h.Action, so,
			strings.Join(h.Details.FieldsWritten, " "), strings.Join(h.Details.FieldsSkipped, " "), strings.Join(h.Details.FieldsKept, " "),
			fmt.Sprint(h.Details.PersonsCreated), fmt.Sprint(h.Details.PersonsUpdated), h.Error}
		for i, v := range rec {
			rec[i] = csvSafe(v)
		}
		if err := cw.Write(rec); err != nil {
			return err
		}
	}
	cw.Flush()
	return cw.Error()
}

// csvSafe keeps a spreadsheet from running a cell as a formula: company
// names and server messages come from outside.
func csvSafe(s string) string {
	if s != "" && strings.ContainsRune("=+-@\t\r", rune(s[0])) {
		return "'" + s
	}
	return s
}

// FilterHistory keeps the entries whose action is action ("" for all) and
// whose company, tenant, user or error contains text (case-insensitive).
func FilterHistory(entries []store.HistoryEntry, action, text string) []store.HistoryEntry {
	text = strings.ToLower(strings.TrimSpace(text))
	var out []store.HistoryEntry
	for _, h := range entries {
		if action != "" && h.Action != action {
			continue
		}
		if text != "" && !strings.Contains(strings.ToLower(h.CompanyName+" "+h.Tenant+" "+h.User+" "+h.Error), text) {
			continue
		}
		out = append(out, h)
	}
	return out
}
