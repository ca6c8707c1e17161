// Package i18n loads the app's translations. The UI is Danish first, in the
// guide's own words; English is used when the OS locale is English or
// RABITIQ_LANG=en. Keys are the English texts, so a missing key still
// shows readable English and a test catches it.
package i18n

import (
	"embed"
	"fmt"
	"os"
	"strings"

	"fyne.io/fyne/v2/lang"

	"github.com/rabitiq/superoffice-sync/core/msg"
)

//go:embed translations/*.json
var files embed.FS

// Language returns "da" or "en": RABITIQ_LANG wins, then the usual locale
// variables; anything that is not English (including C/POSIX) is Danish,
// because the product is for Nordic salespeople.
func Language(getenv func(string) string) string {
	if v := strings.ToLower(getenv("RABITIQ_LANG")); v == "da" || v == "en" {
		return v
	}
	for _, k := range []string{"LC_ALL", "LC_MESSAGES", "LANG", "LANGUAGE"} {
		v := getenv(k)
		if v == "" {
			continue
		}
		if strings.HasPrefix(strings.ToLower(v), "en") {
			return "en"
		}
		return "da"
	}
	return "da"
}

var current = "da"

// Lang is the current language as the message catalogue (core/msg) names
// it, to render domain messages in the UI's language.
func Lang() msg.Lang { return msg.Lang(current) }

// Pick returns da or en by the current language.
func Pick(da, en string) string {
	if current == "en" {
		return en
	}
	return da
}

// Load registers the chosen language's strings under the system locale, so
// that Fyne's localizer, which matches on the system locale, uses them.
func Load(language string) error {
	data, err := files.ReadFile("translations/" + language + ".json")
	if err != nil {
		return fmt.Errorf("load translations %q: %w", language, err)
	}
	if err := lang.AddTranslationsForLocale(data, lang.SystemLocale()); err != nil {
		return err
	}
	current = language
	msg.SetLanguage(msg.Lang(language))
	return nil
}

// LoadFromEnv picks the language from the process environment and loads it.
func LoadFromEnv() error { return Load(Language(os.Getenv)) }
