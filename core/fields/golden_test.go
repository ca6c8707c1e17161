package fields

import (
	"fmt"
	"os"
	"strings"
	"testing"
)

// TestTableGolden pins every exported value of the 37 fields to what the
// hand-written table held before it was built from the lead field table
// (testdata/fields.golden), so the guide's numbers, types, keys and
// extra-field names cannot drift.
func TestTableGolden(t *testing.T) {
	var b strings.Builder
	for _, f := range All() {
		fmt.Fprintf(&b, "%d|%s|%s|%s|%s|%t|%s|%s|%s|%s\n", f.No, f.ProgID, f.Type, f.LeadKey, f.ExtraName, f.IsNumeric(),
			f.LabelDA, f.LabelEN, f.DescriptionDA, f.DescriptionEN)
	}
	want, err := os.ReadFile("testdata/fields.golden")
	if err != nil {
		t.Fatal(err)
	}
	if b.String() != string(want) {
		t.Errorf("field table changed:\n got:\n%s\nwant:\n%s", b.String(), want)
	}
}
