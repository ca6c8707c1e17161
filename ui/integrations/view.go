// Package integrations is the "Integrationer" settings screen: "Forbind"
// / "Fjern forbindelse" and the green "Forbundet til <firma> (<ctx>)"
// status, with the SuperOffice environment and app (client id) under
// "Avanceret": a release build carries its client id, so a salesperson
// never needs them. Signing in happens in the Service; this screen only
// shows it.
package integrations

import (
	"context"
	"errors"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/widget"

	"github.com/rabitiq/superoffice-sync/app/auth"
	"github.com/rabitiq/superoffice-sync/ui/async"
	"github.com/rabitiq/superoffice-sync/ui/dialogkeys"
	"github.com/rabitiq/superoffice-sync/ui/errdialog"
)

// Status is the connection as the screen shows it.
type Status struct {
	Connected   bool
	Tenant      auth.Tenant
	Environment auth.Environment
	RunOnly     bool   // not saved in the keyring: lasts for this run
	Problem     string // why not connected, when known
}

// Service is what the screen needs from the app.
type Service interface {
	Status(ctx context.Context) Status
	// Connect signs in through the browser; showURL is called (from any
	// goroutine) with the sign-in URL as soon as it is known, so the
	// screen offers "Kopiér link" while it waits.
	Connect(ctx context.Context, env auth.Environment, clientID string, showURL func(string)) (Status, error)
	Disconnect() error
	// ClientID is the client id to prefill: the build's, or
	// RABITIQ_SO_CLIENT_ID; empty in a build not registered with
	// SuperOffice.
	ClientID() string
}

var envs = []auth.Environment{auth.EnvOnline, auth.EnvStage, auth.EnvSOD}

// envLabel names an environment for people.
func envLabel(e auth.Environment) string {
	switch e {
	case auth.EnvStage:
		return lang.L("Stage")
	case auth.EnvSOD:
		return lang.L("Development (SOD)")
	default:
		return lang.L("Production (online)")
	}
}

// View is the screen. Widgets are exported for tests.
type View struct {
	Env      *widget.Select
	ClientID *widget.Entry
	// Advanced holds Env and ClientID, closed: only a developer or an
	// unregistered build needs them.
	Advanced *widget.Accordion
	// NotRegistered says the build has no client id, instead of asking
	// for one; it goes when one is typed under Advanced.
	NotRegistered *widget.Label
	Connect       *widget.Button
	Disconnect    *widget.Button
	Cancel        *widget.Button
	State         *widget.Label
	URL           *widget.Entry
	CopyURL       *widget.Button
	// CopyReport is "Kopiér fejlrapport", shown while the stored sign-in
	// cannot be read (State says why in plain words).
	CopyReport *widget.Button
	// OnChange is called after the connection changed.
	OnChange func(Status)
	// Choices are the tenant's lists while connected; nil when the Service
	// cannot read them (lists.go).
	Choices *Choices

	svc    Service
	win    fyne.Window
	urlBox *fyne.Container
	row    *fyne.Container
	stop   context.CancelFunc
	status Status
	root   fyne.CanvasObject
}

// New builds the screen and shows the current status.
func New(svc Service, win fyne.Window) *View {
	v := &View{svc: svc, win: win}
	var labels []string
	for _, e := range envs {
		labels = append(labels, envLabel(e))
	}
	v.Env = widget.NewSelect(labels, nil)
	v.Env.SetSelectedIndex(0)
	v.ClientID = widget.NewEntry()
	v.ClientID.SetText(svc.ClientID())
	v.ClientID.SetPlaceHolder(lang.L("Application id from the SuperOffice Developer Portal"))
	v.ClientID.OnChanged = func(string) { v.showClientID() }
	v.NotRegistered = widget.NewLabel(lang.L("This version of the app is not registered with SuperOffice, so it cannot connect. Get the released version from RabitIQ."))
	v.NotRegistered.Wrapping = fyne.TextWrapWord
	v.NotRegistered.Importance = widget.WarningImportance
	v.State = widget.NewLabelWithStyle("", fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	v.State.Wrapping = fyne.TextWrapWord
	v.Connect = widget.NewButton(lang.L("Connect"), v.onConnect)
	v.Connect.Importance = widget.HighImportance
	v.Disconnect = widget.NewButton(lang.L("Remove connection"), v.onDisconnect)
	v.Cancel = widget.NewButton(lang.L("Cancel"), func() {
		if v.stop != nil {
			v.stop()
		}
	})
	v.Cancel.Hide()
	v.URL = widget.NewEntry()
	v.CopyURL = widget.NewButton(lang.L("Copy link"), func() { fyne.CurrentApp().Clipboard().SetContent(v.URL.Text) })
	hint := widget.NewLabel(lang.L("Pop-up blocked, or did the browser not open? Copy the link and paste it into your browser, or use another browser. Sign in and click \"Allow\". The app waits for up to 10 minutes."))
	hint.Wrapping = fyne.TextWrapWord
	v.urlBox = container.NewVBox(hint, container.NewBorder(nil, nil, nil, v.CopyURL, v.URL))
	v.urlBox.Hide()
	form := widget.NewForm(widget.NewFormItem(lang.L("Environment"), v.Env), widget.NewFormItem(lang.L("Client id"), v.ClientID))
	v.Advanced = widget.NewAccordion(widget.NewAccordionItem(lang.L("Advanced"), form))
	about := widget.NewLabel(lang.L("The connection uses OAuth 2.0: your password is never shared with RabitIQ, the connection renews itself, and you can remove it at any time. Removing it deletes no data."))
	about.Wrapping = fyne.TextWrapWord
	v.CopyReport = errdialog.ReportButton(nil)
	v.CopyReport.Hide()
	v.row = container.NewHBox(v.Connect, v.Disconnect, v.Cancel, v.CopyReport)
	root := container.NewVBox(
		widget.NewLabelWithStyle("SuperOffice CRM Online", fyne.TextAlignLeading, fyne.TextStyle{Bold: true}),
		v.State, v.NotRegistered, v.row, v.urlBox, v.Advanced, widget.NewSeparator(), about)
	if l, ok := svc.(Lists); ok {
		v.Choices = newChoices(l, win)
		root.Add(v.Choices.box)
	}
	v.root = root
	v.Refresh()
	return v
}

// Content returns the screen's root object.
func (v *View) Content() fyne.CanvasObject { return v.root }

// Current returns the status last shown.
func (v *View) Current() Status { return v.status }

// Refresh reads the status from the service and shows it.
func (v *View) Refresh() { v.show(v.svc.Status(context.Background())) }

// hasClientID reports whether there is a client id to sign in with.
func (v *View) hasClientID() bool { return strings.TrimSpace(v.ClientID.Text) != "" }

// showClientID shows "not registered" and holds "Forbind" back while
// there is no client id; not while signing in, when Forbind stays off.
func (v *View) showClientID() {
	if v.hasClientID() {
		v.NotRegistered.Hide()
	} else {
		v.NotRegistered.Show()
	}
	if v.stop != nil {
		return
	}
	if v.hasClientID() {
		v.Connect.Enable()
	} else {
		v.Connect.Disable()
	}
}

func (v *View) show(s Status) {
	v.status = s
	// Connected, "Forbind" only replaces the tenant: no longer the
	// screen's primary action.
	v.Connect.Importance = widget.HighImportance
	if s.Connected {
		v.Connect.Importance = widget.MediumImportance
	}
	v.Connect.Refresh()
	v.showClientID()
	if s.Connected {
		v.State.SetText("● " + lang.L("Connected to {{.Company}} ({{.Ctx}})", map[string]any{"Company": s.Tenant.CompanyName, "Ctx": s.Tenant.Ctx}))
		v.State.Importance = widget.SuccessImportance
		v.Disconnect.Enable()
	} else {
		text := lang.L("SuperOffice is not connected")
		if s.Problem != "" {
			text += "\n" + s.Problem
		}
		v.State.SetText(text)
		v.State.Importance = widget.WarningImportance
		v.Disconnect.Disable()
	}
	v.State.Refresh()
	if v.Choices != nil {
		v.Choices.show(s.Connected)
	}
	if !s.Connected && s.Problem != "" && errdialog.HasReport() {
		v.CopyReport.SetText(lang.L("Copy error report"))
		v.CopyReport.Show()
	} else {
		v.CopyReport.Hide()
	}
	v.row.Refresh()
	for i, e := range envs {
		if s.Environment == e {
			v.Env.SetSelectedIndex(i)
		}
	}
	if v.OnChange != nil {
		v.OnChange(s)
	}
}

func (v *View) env() auth.Environment {
	if i := v.Env.SelectedIndex(); i >= 0 {
		return envs[i]
	}
	return auth.EnvOnline
}

// StartConnect starts signing in, as "Forbind" does: the "Forbind igen"
// action of a failed export calls it.
func (v *View) StartConnect() { v.Refresh(); v.onConnect() }

func (v *View) onConnect() {
	if v.status.Connected {
		dialogkeys.ShowConfirm(v.win, dialog.NewConfirm(lang.L("Replace connection?"),
			lang.L("The app is connected to {{.Company}}. Only one tenant can be connected at a time. Replace it?", map[string]any{"Company": v.status.Tenant.CompanyName}),
			func(ok bool) {
				if ok {
					v.startConnect()
				}
			}, v.win))
		return
	}
	v.startConnect()
}

func (v *View) startConnect() {
	if !v.hasClientID() {
		v.showClientID() // the screen says why it cannot connect
		return
	}
	ctx, cancel := context.WithCancel(context.Background())
	v.stop = cancel
	v.Connect.Disable()
	v.Cancel.Show()
	v.State.SetText(lang.L("Waiting for you to approve in the browser…"))
	env, id := v.env(), v.ClientID.Text
	type result struct {
		s   Status
		err error
	}
	async.Run(func() result {
		s, err := v.svc.Connect(ctx, env, id, func(u string) {
			async.Do(func() { v.URL.SetText(u); v.urlBox.Show() })
		})
		return result{s, err}
	}, func(r result) {
		// Annuller is the user's choice, not an error: whatever the
		// sign-in answered once its context was cancelled is not shown.
		cancelled := ctx.Err() != nil
		cancel()
		v.stop = nil
		v.Cancel.Hide()
		v.urlBox.Hide()
		switch {
		case r.err != nil && cancelled:
			v.show(v.svc.Status(context.Background()))
		case r.err != nil && errors.Is(r.err, auth.ErrKeyringUnavailable) && r.s.Connected:
			v.show(r.s)
			dialog.ShowInformation(lang.L("Connected for this run only"),
				lang.L("The OS keyring is not available, so the sign-in cannot be saved. You are connected until you close the app."), v.win)
		case r.err != nil:
			v.show(v.svc.Status(context.Background()))
			errdialog.Show(v.win, errdialog.Opts{Title: lang.L("Integrations"), Intro: lang.L("Could not connect to SuperOffice:"),
				Action: widget.NewButton(lang.L("Try again"), v.onConnect)}, r.err)
		default:
			v.show(r.s)
		}
	})
}

func (v *View) onDisconnect() {
	dialogkeys.ShowConfirm(v.win, dialog.NewConfirm(lang.L("Remove connection"),
		lang.L("Remove the connection to SuperOffice? No data is deleted: leads, sync history and SuperOffice ids stay."),
		func(ok bool) {
			if !ok {
				return
			}
			if err := v.svc.Disconnect(); err != nil {
				errdialog.Show(v.win, errdialog.Opts{Title: lang.L("Integrations"), Intro: lang.L("Could not remove the connection:")}, err)
			}
			v.Refresh()
		}, v.win))
}
