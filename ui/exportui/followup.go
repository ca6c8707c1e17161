package exportui

import (
	"context"
	"strconv"
	"strings"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/widget"

	"github.com/rabitiq/superoffice-sync/app/export"
	"github.com/rabitiq/superoffice-sync/app/store"
	"github.com/rabitiq/superoffice-sync/ui/i18n"
)

// FollowUpSettings remembers the follow-up choice of the connected
// tenant: how many working days ahead, 0 for no follow-up.
type FollowUpSettings interface {
	FollowUpDays(ctx context.Context) (int, error)
	SetFollowUpDays(ctx context.Context, days int) error
}

// defaultFollowUpDays is N before the user chose one.
const defaultFollowUpDays = 3

// maxFollowUpDays is the largest N the field takes (as `sync --follow-up`).
const maxFollowUpDays = 60

// FollowUp is the match dialog's "Opret opfølgning om [N] arbejdsdage":
// whether the export books a task in the user's SuperOffice checklist.
// The choice is remembered per tenant, so a seller who always wants one
// ticks it once.
type FollowUp struct {
	settings FollowUpSettings
	days     int // N shown when the box is not ticked

	// Check and Days are the row's widgets once Row built it, for tests.
	Check *widget.Check
	Days  *widget.Entry
}

// NewFollowUp makes the choice, read from and saved to s.
func NewFollowUp(s FollowUpSettings) *FollowUp {
	return &FollowUp{settings: s, days: defaultFollowUpDays}
}

// Row builds the checkbox row for one match dialog from the stored
// choice. A nil FollowUp has no row.
func (u *FollowUp) Row() fyne.CanvasObject {
	if u == nil {
		return nil
	}
	on := false
	if n, err := u.settings.FollowUpDays(context.Background()); err == nil && n > 0 {
		u.days, on = n, true
	}
	u.Days = widget.NewEntry()
	u.Days.SetText(strconv.Itoa(u.days))
	u.Days.Validator = func(s string) error {
		if _, ok := parseDays(s); !ok {
			return errBadDays
		}
		return nil
	}
	u.Check = widget.NewCheck(lang.L("Book a follow-up in"), nil)
	u.Check.SetChecked(on)
	u.Check.OnChanged = func(bool) { u.save() }
	u.Days.OnChanged = func(s string) {
		if n, ok := parseDays(s); ok {
			u.days = n
			u.save()
		}
	}
	days := container.NewGridWrap(fyne.NewSize(84, u.Days.MinSize().Height), u.Days)
	return container.NewHBox(u.Check, days, widget.NewLabel(lang.L("working days")))
}

// save stores the choice: N when ticked, 0 when not.
func (u *FollowUp) save() {
	n := 0
	if u.Check.Checked {
		n = u.days
	}
	_ = u.settings.SetFollowUpDays(context.Background(), n)
}

// DaysChosen is how many working days ahead to book, 0 for none.
func (u *FollowUp) DaysChosen() int {
	if u == nil || u.Check == nil || !u.Check.Checked {
		return 0
	}
	if n, ok := parseDays(u.Days.Text); ok {
		return n
	}
	return 0
}

type badDays struct{}

func (badDays) Error() string { return lang.L("1 to 60") }

var errBadDays error = badDays{}

func parseDays(s string) (int, bool) {
	n, err := strconv.Atoi(strings.TrimSpace(s))
	return n, err == nil && n >= 1 && n <= maxFollowUpDays
}

// followUpLine is what the confirmation says was booked, or "".
func followUpLine(r *export.Result) string {
	if r.FollowUp == nil {
		return ""
	}
	return r.FollowUp.Message().Text(i18n.Lang())
}

// StoredFollowUp keeps the choice in the tenant settings
// (store.SettingFollowUpDays) of the tenant Tenant names; with no tenant
// connected nothing is remembered.
type StoredFollowUp struct {
	DB     *store.DB
	Tenant func(ctx context.Context) string
	Now    func() time.Time
}

// FollowUpDays implements FollowUpSettings.
func (s StoredFollowUp) FollowUpDays(ctx context.Context) (int, error) {
	t := s.Tenant(ctx)
	if t == "" {
		return 0, nil
	}
	v, ok, err := s.DB.TenantSetting(ctx, t, store.SettingFollowUpDays)
	if err != nil || !ok {
		return 0, err
	}
	n, _ := parseDays(v)
	return n, nil
}

// SetFollowUpDays implements FollowUpSettings.
func (s StoredFollowUp) SetFollowUpDays(ctx context.Context, days int) error {
	t := s.Tenant(ctx)
	if t == "" {
		return nil
	}
	now := time.Now
	if s.Now != nil {
		now = s.Now
	}
	return s.DB.SetTenantSetting(ctx, t, store.SettingFollowUpDays, strconv.Itoa(days), now())
}
