package about

import (
	"context"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/widget"

	"github.com/rabitiq/superoffice-sync/ui/async"
	"github.com/rabitiq/superoffice-sync/ui/dialogkeys"
	"github.com/rabitiq/superoffice-sync/ui/errdialog"
)

// LocalData is what "Slet alle lokale data" needs from the app.
type LocalData interface {
	// DeleteAllLocalData empties the database; the SuperOffice sign-in
	// in the keyring stays.
	DeleteAllLocalData(ctx context.Context) error
}

// DeleteAll builds "Slet alle lokale data": what it deletes and keeps,
// and a button that asks first. done runs once the database is empty, so
// the window can reload its lists. Put it in Info.DeleteAll.
func DeleteAll(win fyne.Window, svc LocalData, done func()) fyne.CanvasObject {
	var b *widget.Button
	b = widget.NewButton(lang.L("Delete all local data…"), func() {
		d := dialog.NewConfirm(lang.L("Delete all local data"),
			lang.L("Delete every lead, contact person, sync log line, confirmed field and setting from this computer? This cannot be undone. SuperOffice is not touched, and the SuperOffice sign-in stays in the keyring."),
			func(ok bool) {
				if !ok {
					return
				}
				b.Disable()
				async.Run(func() error { return svc.DeleteAllLocalData(context.Background()) }, func(err error) {
					b.Enable()
					if err != nil {
						errdialog.Show(win, errdialog.Opts{Title: lang.L("Delete all local data"), Intro: lang.L("The local data could not be deleted:")}, err)
						return
					}
					if done != nil {
						done()
					}
				})
			}, win)
		d.SetConfirmText(lang.L("Delete everything"))
		d.SetDismissText(lang.L("Cancel"))
		d.SetConfirmImportance(widget.DangerImportance)
		dialogkeys.ShowDestructive(win, d)
	})
	b.Importance = widget.DangerImportance
	return container.NewVBox(
		para(lang.L("A contact can ask to be forgotten: tick leads in the list and choose \"Delete\", or delete everything stored on this computer here. SuperOffice is not touched.")),
		container.NewHBox(b))
}
