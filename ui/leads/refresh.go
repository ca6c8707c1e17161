package leads

import (
	"context"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/widget"

	"github.com/rabitiq/superoffice-sync/app/refresh"
	"github.com/rabitiq/superoffice-sync/app/store"
	"github.com/rabitiq/superoffice-sync/core/msg"
	"github.com/rabitiq/superoffice-sync/ui/i18n"
)

// RefreshReader is the optional part of a DetailService that knows what
// the last "Opdater fra SuperOffice" found for a lead. A service without
// it shows no read-back on the card.
type RefreshReader interface {
	RefreshOf(ctx context.Context, leadID int64) (store.Refresh, bool, error)
}

// readBack is the lead's last read-back, if the service keeps them and
// the lead is linked to a company.
func (d *Detail) readBack(r store.LeadRow) (store.Refresh, bool) {
	rr, ok := d.svc.(RefreshReader)
	if !ok || r.SOContactID == nil {
		return store.Refresh{}, false
	}
	st, ok, err := rr.RefreshOf(context.Background(), r.LocalID)
	if err != nil || !ok {
		return store.Refresh{}, false
	}
	return st, true
}

// refreshItems are the card's lines about the company as last read back:
// "Findes ikke længere i SuperOffice" with what to do, or one
// "I SuperOffice nu: <field>: <value>" line per change, and when it was
// checked.
func (d *Detail) refreshItems(r store.LeadRow) []fyne.CanvasObject {
	st, ok := d.readBack(r)
	if !ok {
		return nil
	}
	var out []fyne.CanvasObject
	switch st.State {
	case store.RefreshGone:
		gone := widget.NewLabelWithStyle(msg.New(msg.RefreshGone).Text(i18n.Lang()), fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
		gone.Importance = widget.DangerImportance
		out = append(out, gone, value(lang.L("Deleted or merged in SuperOffice. \"Find the company again\" opens the match, to choose another company or create it.")))
	case store.RefreshChanged:
		for _, c := range st.Changes {
			var line string
			if c.Field == refresh.FieldOwner {
				line = ownerLine(c)
			} else {
				v := c.SuperOffice
				if v == "" {
					v = msg.New(msg.RefreshEmpty).Text(i18n.Lang())
				}
				line = msg.New(msg.RefreshNow, "field", msg.New(refresh.FieldCode(c.Field)).Text(i18n.Lang()), "value", v).Text(i18n.Lang())
			}
			l := value(line)
			l.Importance = widget.WarningImportance
			out = append(out, l)
		}
	}
	when := widget.NewLabel(lang.L("Checked in SuperOffice {{.When}}", map[string]any{"When": st.CheckedAt.Local().Format("02-01-2006 15:04")}))
	when.Importance = widget.LowImportance
	return append(out, when)
}

// ownerLine says who owns the company now ("Vores kontakt") and who did
// after our sync, by name as far as SuperOffice told them. A change
// stored before names were read (no ids) holds associate ids, which mean
// nothing to a salesperson: it says only that the owner is another.
func ownerLine(c store.RefreshChange) string {
	l := i18n.Lang()
	switch {
	case c.SuperOfficeOwnerID == 0 || c.SuperOffice == "":
		return msg.New(msg.RefreshOwnerChanged).Text(l)
	case c.Local == "":
		return msg.New(msg.RefreshNow, "field", msg.New(msg.RefreshFieldOwner).Text(l), "value", c.SuperOffice).Text(l)
	}
	return msg.New(msg.RefreshOwnerNow, "from", c.Local, "to", c.SuperOffice).Text(l)
}

// labelForReadBack names the export button after what it does for a
// lead whose company is gone: it finds the company again (the match
// dialog), it does not update the dead one.
func (d *Detail) labelForReadBack(r store.LeadRow) {
	if st, ok := d.readBack(r); ok && st.State == store.RefreshGone {
		d.Export.SetText(lang.L("Find the company again"))
		// A label longer than the one the button was laid out for must
		// widen it, not be cut at its edges.
		d.root.Refresh()
	}
}
