package exportui

import "github.com/rabitiq/superoffice-sync/ui/errdialog"

// PlainError is err for a salesperson (errdialog.Plain, the one place
// every screen's error text comes from).
func PlainError(err error) string { return errdialog.Plain(err) }
