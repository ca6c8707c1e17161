package fieldsui

import (
	"context"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/rabitiq/superoffice-sync/core/fields"
	"github.com/rabitiq/superoffice-sync/core/fieldsetup"
	"github.com/rabitiq/superoffice-sync/ui/async"
	"github.com/rabitiq/superoffice-sync/ui/errdialog"
)

// confirmButtons builds a row's hidden "Brug dette felt" and "Fortryd"
// buttons; showConfirm shows them as the field's check asks.
func (v *View) confirmButtons(f fields.Field) fyne.CanvasObject {
	use := widget.NewButtonWithIcon(lang.L("Use this field"), theme.ConfirmIcon(), nil)
	use.OnTapped = func() {
		key := v.suggested[f.No]
		if key == "" {
			return
		}
		v.store(use, func(ctx context.Context) error { return v.svc.ConfirmField(ctx, f.ProgID, key) })
	}
	undo := widget.NewButtonWithIcon(lang.L("Undo"), theme.ContentUndoIcon(), nil)
	undo.Importance = widget.LowImportance
	undo.OnTapped = func() {
		v.store(undo, func(ctx context.Context) error { return v.svc.UnconfirmField(ctx, f.ProgID) })
	}
	use.Hide()
	undo.Hide()
	v.Use[f.No], v.Undo[f.No] = use, undo
	return container.NewHBox(use, undo)
}

// showConfirm offers a suggested field for confirmation, and undoing a
// stored confirmation (also one whose tenant field is gone).
func (v *View) showConfirm(r fieldsetup.Result) {
	if v.suggested == nil {
		v.suggested = map[int]string{}
	}
	v.suggested[r.Field.No] = ""
	if r.Status == fieldsetup.Suggested {
		v.suggested[r.Field.No] = r.TenantKey
		v.Use[r.Field.No].Show()
	} else {
		v.Use[r.Field.No].Hide()
	}
	if r.ConfirmedKey != "" {
		v.Undo[r.Field.No].Show()
	} else {
		v.Undo[r.Field.No].Hide()
	}
}

// hideConfirm hides every confirmation button, e.g. when the tenant could
// not be read.
func (v *View) hideConfirm() {
	v.suggested = nil
	for no := range v.Use {
		v.Use[no].Hide()
		v.Undo[no].Hide()
	}
}

// store saves a confirmation or its undoing in the background and then
// checks the tenant again, so the row shows what the export will now do.
func (v *View) store(b *widget.Button, save func(context.Context) error) {
	b.Disable()
	async.Run(func() error { return save(context.Background()) }, func(err error) {
		b.Enable()
		if err != nil {
			v.showError(lang.L("Could not save the choice: {{.Err}}", map[string]any{"Err": errdialog.Plain(err)}))
			return
		}
		v.Check()
	})
}
