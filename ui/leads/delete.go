package leads

import (
	"context"

	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/widget"

	"github.com/rabitiq/superoffice-sync/ui/async"
	"github.com/rabitiq/superoffice-sync/ui/dialogkeys"
	"github.com/rabitiq/superoffice-sync/ui/errdialog"
)

// newDeleteButton builds "Slet…", enabled while leads are ticked: a
// contact may ask to be forgotten (issue 19), and leads hold names,
// e-mails and phones.
func (v *View) newDeleteButton() *widget.Button {
	b := widget.NewButton(lang.L("Delete…"), v.ConfirmDelete)
	b.Importance = widget.DangerImportance
	b.Disable()
	return b
}

// updateDelete names how many leads "Slet" would delete.
func (v *View) updateDelete() {
	n := len(v.checked)
	if n == 0 {
		v.Delete.SetText(lang.L("Delete…"))
		v.Delete.Disable()
		return
	}
	v.Delete.SetText(lang.L("Delete ({{.N}})…", map[string]any{"N": n}))
	v.Delete.Enable()
}

// ConfirmDelete asks before deleting the ticked leads, saying that only
// this computer's copy goes and SuperOffice is not touched.
func (v *View) ConfirmDelete() {
	ids := v.Checked()
	if len(ids) == 0 {
		return
	}
	d := dialog.NewConfirm(lang.L("Delete leads"),
		lang.L("Delete {{.N}} leads from this computer? Their contact persons and personal data are removed here. SuperOffice is not touched: what was exported stays there. The sync log keeps a line without personal data.",
			map[string]any{"N": len(ids)}),
		func(ok bool) {
			if ok {
				v.deleteLeads(ids)
			}
		}, v.win)
	d.SetConfirmText(lang.L("Delete"))
	d.SetDismissText(lang.L("Cancel"))
	d.SetConfirmImportance(widget.DangerImportance)
	dialogkeys.ShowDestructive(v.win, d)
}

// deleteLeads deletes ids off the UI goroutine, then unticks them and
// reloads the list, its count and its search.
func (v *View) deleteLeads(ids []int64) {
	v.Delete.Disable()
	async.Run(func() error {
		return v.svc.DeleteLeads(context.Background(), ids)
	}, func(err error) {
		if err != nil {
			v.updateDelete()
			errdialog.Show(v.win, errdialog.Opts{Title: lang.L("Delete leads"), Intro: lang.L("The leads could not be deleted:")}, err)
			return
		}
		for _, id := range ids {
			delete(v.checked, id)
		}
		v.updateDelete()
		if v.OnChecked != nil {
			v.OnChecked(v.Checked())
		}
		v.Reload()
		if v.OnDeleted != nil {
			v.OnDeleted(ids)
		}
	})
}

// ClearChecked unticks every lead, as after "Slet alle lokale data".
func (v *View) ClearChecked() {
	v.checked = nil
	v.updateDelete()
	if v.OnChecked != nil {
		v.OnChecked(nil)
	}
}

// Clear empties the pane, as when no lead is selected: its lead was
// deleted.
func (d *Detail) Clear() {
	d.current = nil
	d.Title.SetText(lang.L("Select a lead"))
	d.body.RemoveAll()
	d.gate()
}
