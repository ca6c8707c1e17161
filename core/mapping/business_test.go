package mapping

import (
	"testing"

	"github.com/rabitiq/superoffice-sync/core/superoffice"
)

func TestBusinessFor(t *testing.T) {
	items := []superoffice.ListItem{{ID: 1, Name: "IT"}, {ID: 3, Name: "Rådgivning"}, {ID: 6, Name: "Fødevarer"},
		{ID: 10, Name: "Software"}, {ID: 12, Name: "Landbrug", Deleted: true}, {ID: 13, Name: "Bygge- og anlæg"}}
	for _, c := range []struct {
		industry string
		want     int // 0: no item
	}{
		{"IT", 1}, {"it", 1}, {" It ", 1}, {"I.T.", 1},
		{"Radgivning", 3}, {"RÅDGIVNING", 3}, {"fodevarer", 6}, {"Bygge og anlæg", 13},
		{"IT-services", 0}, {"it services", 0}, {"Software development", 0}, {"Byg", 0}, {"", 0},
		{"Landbrug", 0},                                                     // deleted: never chosen
		{"Konsulent, Software", 10}, {"Handel/IT", 1}, {"Software; IT", 10}, // first part that names an item
	} {
		got, ok := BusinessFor(c.industry, items)
		if (c.want == 0) == ok || got.ID != c.want {
			t.Errorf("BusinessFor(%q) = %+v, %v; want id %d", c.industry, got, ok, c.want)
		}
	}
}
