package leads

import (
	"net/mail"
	"net/url"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/rabitiq/superoffice-sync/core/lead"
)

// contactsSection lists the contact persons, the people a seller calls:
// e-mail and phone open the mail program or the phone (mailto:/tel:)
// when the value is one, and each has a button that copies it.
func contactsSection(cs []lead.Contact) fyne.CanvasObject {
	box := container.NewVBox()
	for _, c := range cs {
		box.Add(contactCard(c))
	}
	if len(cs) == 0 {
		box.Add(widget.NewLabel(lang.L("No data")))
	}
	return section(lang.L("Contacts"), box)
}

func contactCard(c lead.Contact) fyne.CanvasObject {
	box := container.NewVBox()
	name := c.Name
	if c.Title != "" {
		name += " · " + c.Title
	}
	box.Add(widget.NewLabelWithStyle(name, fyne.TextAlignLeading, fyne.TextStyle{Bold: true}))
	if c.Email != "" {
		box.Add(row(lang.L("E-mail"), reachable(c.Email, mailtoURL(c.Email))))
	}
	if c.Phone != "" {
		box.Add(row(lang.L("Phone"), reachable(c.Phone, telURL(c.Phone))))
	}
	if c.LinkedIn != "" {
		box.Add(row("LinkedIn", reachable(c.LinkedIn, webURL(c.LinkedIn))))
	}
	return box
}

// reachable shows a value as a link when it is a valid one (u != nil),
// as plain selectable text otherwise, with a button that copies it.
func reachable(text string, u *url.URL) fyne.CanvasObject {
	var shown fyne.CanvasObject
	if u != nil {
		shown = widget.NewHyperlink(text, u)
	} else {
		shown = value(text)
	}
	return container.NewBorder(nil, nil, nil, copyButton(text), shown)
}

// copyButton puts text on the clipboard and shows a tick to say it did.
func copyButton(text string) *widget.Button {
	var b *widget.Button
	b = widget.NewButtonWithIcon("", theme.ContentCopyIcon(), func() {
		fyne.CurrentApp().Clipboard().SetContent(text)
		b.SetIcon(theme.ConfirmIcon())
	})
	b.Importance = widget.LowImportance
	return b
}

// mailtoURL is the mailto: link of a plain e-mail address, or nil when
// the value is not one (a name with it, two addresses, a typo).
func mailtoURL(s string) *url.URL {
	s = strings.TrimSpace(s)
	a, err := mail.ParseAddress(s)
	if err != nil || a.Name != "" || a.Address != s || !strings.Contains(s[strings.LastIndex(s, "@")+1:], ".") {
		return nil
	}
	return &url.URL{Scheme: "mailto", Opaque: s}
}

// telURL is the tel: link of a phone number written with digits, spaces
// and the usual separators, or nil when the value is not a number.
func telURL(s string) *url.URL {
	s = strings.TrimSpace(s)
	var b strings.Builder
	digits := 0
	for i, r := range s {
		switch {
		case r >= '0' && r <= '9':
			b.WriteRune(r)
			digits++
		case r == '+' && i == 0:
			b.WriteRune(r)
		case strings.ContainsRune(" -().", r):
		default:
			return nil
		}
	}
	if digits < 6 || digits > 15 { // E.164 allows at most 15 digits
		return nil
	}
	return &url.URL{Scheme: "tel", Opaque: b.String()}
}

// webURL is an http(s) address with a host, or nil.
func webURL(s string) *url.URL {
	u, err := url.Parse(strings.TrimSpace(s))
	if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" {
		return nil
	}
	return u
}
