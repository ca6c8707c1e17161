package auth

import (
	"fmt"
	"io"
	"net/url"

	"github.com/pkg/browser"
)

// SystemBrowser opens a URL with the OS's default handler. The handler's
// own chatter is discarded so it cannot mix into the CLI's output.
func SystemBrowser(u string) error {
	browser.Stdout, browser.Stderr = io.Discard, io.Discard
	return browser.OpenURL(u)
}

// OpenURL opens u with open after checking that it is http(s): a URL that
// came over the network must never make the OS run a file or other scheme.
func OpenURL(u string, open func(string) error) error {
	p, err := url.Parse(u)
	if err != nil || (p.Scheme != "https" && p.Scheme != "http") || p.Host == "" {
		return fmt.Errorf("refusing to open %q: only http(s) URLs are opened", u)
	}
	return open(u)
}
