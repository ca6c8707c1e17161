package lead

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestFileErrors(t *testing.T) {
	for _, tc := range []struct {
		name, file, src string
		sentinel        error
		msg             string
	}{
		{"truncated array", "leads.json", "[\n  {\"companyName\": \"A\"},\n  {\"companyName\": \"B\", \"contacts\": [",
			ErrSyntax, "leads.json: line 3, column 37: not well-formed JSON: unexpected end of input where a value was expected (file truncated?)"},
		{"truncated in string", "leads.json", "[{\"companyName\": \"A\"},\n {\"companyName\": \"Bjørn",
			ErrSyntax, "leads.json: line 2, column 24: not well-formed JSON: unexpected end of input in string (file truncated?)"},
		{"truncated literal", "leads.json", `[{"companyName": "A", "x": tr`,
			ErrSyntax, "leads.json: line 1, column 30: not well-formed JSON: unexpected end of input in literal (file truncated?)"},
		{"missing comma", "leads.json", "[\n{\"companyName\": \"A\"}\n{\"companyName\": \"B\"}\n]",
			ErrSyntax, "leads.json: line 3, column 1: not well-formed JSON: unexpected '{' after array element (want ',' or ']')"},
		{"trailing comma", "leads.json", `[{"companyName": "A"},]`,
			ErrSyntax, "leads.json: line 1, column 23: not well-formed JSON: unexpected ']' where a value was expected"},
		{"single quotes", "leads.json", `{'companyName': 'A'}`,
			ErrSyntax, "leads.json: line 1, column 2: not well-formed JSON: unexpected '\\'' where an object key was expected"},
		{"raw newline in string", "leads.json", "{\"companyName\": \"A\nB\"}",
			ErrSyntax, "leads.json: line 1, column 19: not well-formed JSON: control character 0x0a in string"},
		{"bad escape", "leads.json", `{"companyName": "A\x41"}`,
			ErrSyntax, "leads.json: line 1, column 19: not well-formed JSON: invalid escape '\\x' in string"},
		{"garbage after value", "leads.json", `{"companyName": "A"} x`,
			ErrSyntax, "leads.json: line 1, column 22: not well-formed JSON: unexpected data after the top-level value"},
		{"two pretty objects", "leads.json", "{\n\"companyName\": \"A\"\n}\n{\n\"companyName\": \"B\"\n}",
			ErrSyntax, "leads.json: line 4, column 1: not well-formed JSON: unexpected data after the top-level value"},
		{"BOM then truncated", "leads.json", "\ufeff[{\"companyName\": ",
			ErrSyntax, "leads.json: line 1, column 18: not well-formed JSON: unexpected end of input where a value was expected (file truncated?)"},
		{"top-level string", "leads.json", `"Klitrose"`,
			ErrNoLeads, `leads.json: line 1, column 11: top level is a string; want a lead object, an array of leads or {"leads": [...]}`},
		{"top-level number", "leads.json", `42`,
			ErrNoLeads, `leads.json: line 1, column 3: top level is a number; want a lead object, an array of leads or {"leads": [...]}`},
		{"wrapper leads not array", "leads.json", `{"exportedAt": "x", "leads": {"companyName": "A"}}`,
			ErrNoLeads, `leads.json: line 1, column 30: "leads" must be an array of leads, got object`},
		{"empty", "leads.json", "", ErrNoLeads, "leads.json: file is empty: no leads"},
		{"whitespace and BOM", "leads.json", "\ufeff \n\t", ErrNoLeads, "leads.json: file is empty: no leads"},
		{"NUL after value", "leads.json", "{\"companyName\": \"A\"} \x00\n",
			ErrSyntax, "leads.json: line 1, column 22: not well-formed JSON: unexpected data after the top-level value"},
		{"NUL file", "leads.json", "\x00\x00",
			ErrSyntax, "leads.json: line 1, column 1: not well-formed JSON: unexpected byte 0x00 where a value was expected"},
		{"BOM twice", "leads.json", "\ufeff\ufeff{}",
			ErrSyntax, "leads.json: line 1, column 1: not well-formed JSON: unexpected byte 0xef where a value was expected"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			res, err := Decode(tc.file, []byte(tc.src))
			if err == nil {
				t.Fatalf("no error; imported %v, rejected %v", names(res), rejections(res))
			}
			if res != nil {
				t.Error("a failed file must import nothing")
			}
			if !errors.Is(err, tc.sentinel) {
				t.Errorf("error %v is not %v", err, tc.sentinel)
			}
			var fe *FileError
			if !errors.As(err, &fe) {
				t.Errorf("error %T is not a *FileError", err)
			}
			eq(t, "message", err.Error(), tc.msg)
		})
	}
}

func TestTooLarge(t *testing.T) {
	path := filepath.Join(t.TempDir(), "huge.json")
	f, err := os.Create(path)
	if err != nil {
		t.Fatal(err)
	}
	// A sparse file: its size is past the limit, its disk use nothing.
	if err := f.Truncate(MaxFileSize + 1); err != nil {
		t.Fatal(err)
	}
	f.Close()
	res, err := DecodeFile(path)
	if res != nil || !errors.Is(err, ErrTooLarge) {
		t.Fatalf("got %v, %v; want ErrTooLarge", res, err)
	}
	eq(t, "message", err.Error(), "huge.json: file is 256.0 MiB; lead files larger than 256 MiB are refused")

	// Decode refuses by len(data) with the same error; checking that
	// would take 256 MiB of memory, so only the error is checked here.
	if err := tooLarge("x.json", MaxFileSize+1); !errors.Is(err, ErrTooLarge) {
		t.Error("tooLarge does not wrap ErrTooLarge")
	}
}

func TestDecodeFileErrors(t *testing.T) {
	_, err := DecodeFile(filepath.Join(t.TempDir(), "missing.json"))
	if !errors.Is(err, os.ErrNotExist) || !strings.Contains(err.Error(), "open lead file") {
		t.Errorf("missing file: %v", err)
	}
	path := filepath.Join(t.TempDir(), "two.ndjson")
	if err := os.WriteFile(path, []byte("{\"name\":\"A\"}\n{\"name\":\"B\"}\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	res, err := DecodeFile(path)
	if err != nil {
		t.Fatal(err)
	}
	eq(t, "File is the base name", res.File, "two.ndjson")
	eqList(t, "names", names(res), []string{"A", "B"})
}

func TestDepth(t *testing.T) {
	nest := func(n int) string { return strings.Repeat("[", n) + strings.Repeat("]", n) }
	// Lead at depth 2 in an array; notes adds 62 more: 64 in all.
	res := decodeOK(t, "x.json", `[{"companyName": "A", "notes": `+nest(62)+`}, {"companyName": "B"}]`)
	eqList(t, "names at depth 64", names(res), []string{"A", "B"})

	for _, tc := range []struct{ name, file, src, msg string }{
		{"65 in a lead", "x.json", `[{"companyName": "A", "notes": ` + nest(63) + `}]`,
			"x.json: line 1, column 94: JSON nested deeper than 64 levels; file refused"},
		{"unknown key", "x.json", `{"companyName": "A", "zzz": ` + nest(64) + `}`,
			"x.json: line 1, column 92: JSON nested deeper than 64 levels; file refused"},
		{"a million brackets", "x.json", strings.Repeat("[", 1<<20),
			"x.json: line 1, column 65: JSON nested deeper than 64 levels; file refused"},
		{"ndjson line", "x.ndjson", "{\"name\": \"A\"}\n{\"name\": \"B\", \"x\": " + nest(70) + "}\n",
			"x.ndjson: line 2, column 83: JSON nested deeper than 64 levels; file refused"},
		{"objects", "x.json", strings.Repeat(`{"a":`, 65) + "1" + strings.Repeat("}", 65),
			"x.json: line 1, column 321: JSON nested deeper than 64 levels; file refused"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			res, err := Decode(tc.file, []byte(tc.src))
			if res != nil || !errors.Is(err, ErrTooDeep) {
				t.Fatalf("got %v, %v; want ErrTooDeep", res, err)
			}
			eq(t, "message", err.Error(), tc.msg)
		})
	}
	// Brackets inside strings are text, not nesting.
	res = decodeOK(t, "x.json", `{"companyName": "`+strings.Repeat("[{", 100)+`"}`)
	eq(t, "name", len(res.Leads[0].Lead.CompanyName), 200)
}
