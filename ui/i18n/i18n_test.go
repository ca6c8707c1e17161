package i18n

import (
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strconv"
	"strings"
	"testing"
)

func TestLanguage(t *testing.T) {
	for _, tc := range []struct {
		env  map[string]string
		want string
	}{
		{map[string]string{}, "da"},
		{map[string]string{"LANG": "C.UTF-8"}, "da"},
		{map[string]string{"LANG": "en_US.UTF-8"}, "en"},
		{map[string]string{"LANG": "da_DK.UTF-8"}, "da"},
		{map[string]string{"LC_ALL": "en_GB.UTF-8", "LANG": "da_DK.UTF-8"}, "en"},
		{map[string]string{"LANG": "en_US.UTF-8", "RABITIQ_LANG": "da"}, "da"},
		{map[string]string{"LANG": "nb_NO.UTF-8"}, "da"},
	} {
		if got := Language(func(k string) string { return tc.env[k] }); got != tc.want {
			t.Errorf("Language(%v) = %q, want %q", tc.env, got, tc.want)
		}
	}
}

var callRE = regexp.MustCompile(`lang\.[LN]\(\s*"((?:[^"\\]|\\.)*)"`)

// Every key the UI passes to lang.L or lang.N must be in both translation
// files, and the files must hold nothing else, so no screen shows an
// untranslated string in either language.
func TestEveryUIStringIsTranslated(t *testing.T) {
	used := map[string]string{}
	scan := func(p string, info os.FileInfo, err error) error {
		if err != nil || info.IsDir() || !strings.HasSuffix(p, ".go") || strings.HasSuffix(p, "_test.go") {
			return err
		}
		b, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		for _, m := range callRE.FindAllStringSubmatch(string(b), -1) {
			key, err := strconv.Unquote(`"` + m[1] + `"`)
			if err != nil {
				return fmt.Errorf("%s: %w", p, err)
			}
			used[key] = p
		}
		return nil
	}
	// The screens, and the window wiring that shows a few dialogs itself.
	for _, dir := range []string{"..", "../../cmd/rabitiq-superoffice/desktop"} {
		if err := filepath.Walk(dir, scan); err != nil {
			t.Fatal(err)
		}
	}
	if len(used) < 10 {
		t.Fatalf("found only %d lang calls; the scan is broken", len(used))
	}
	for _, language := range []string{"da", "en"} {
		b, err := files.ReadFile("translations/" + language + ".json")
		if err != nil {
			t.Fatal(err)
		}
		var m map[string]any
		if err := json.Unmarshal(b, &m); err != nil {
			t.Fatalf("%s.json: %v", language, err)
		}
		var missing, unused []string
		for k, file := range used {
			if _, ok := m[k]; !ok {
				missing = append(missing, k+" ("+file+")")
			}
		}
		for k := range m {
			if _, ok := used[k]; !ok {
				unused = append(unused, k)
			}
		}
		sort.Strings(missing)
		sort.Strings(unused)
		if len(missing) > 0 {
			t.Errorf("%s.json lacks %d keys:\n  %s", language, len(missing), strings.Join(missing, "\n  "))
		}
		if len(unused) > 0 {
			t.Errorf("%s.json has %d keys no code uses:\n  %s", language, len(unused), strings.Join(unused, "\n  "))
		}
	}
}

func TestLoadUnknownLanguageFails(t *testing.T) {
	if err := Load("xx"); err == nil {
		t.Fatal("Load(xx) succeeded")
	}
}
