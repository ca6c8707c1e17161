package match

import "testing"

func TestResembles(t *testing.T) {
	for _, c := range []struct {
		name string
		c    Candidate
		want bool
	}{
		{"cvr", Candidate{OrgNrMatch: true, Score: 0.99}, true},
		{"domain", Candidate{DomainMatch: true, Score: 0.5}, true},
		{"name 0.9", Candidate{Score: 0.9}, true},
		{"weak name", Candidate{Score: 0.45}, false},
		{"other cvr", Candidate{Conflict: true, Score: 0.45, DomainMatch: true}, false},
	} {
		if got := c.c.Resembles(); got != c.want {
			t.Errorf("%s: Resembles = %v", c.name, got)
		}
	}
	if AnyResembles(nil) || AnyResembles([]Candidate{{Score: 0.4}}) || !AnyResembles([]Candidate{{Score: 0.4}, {Score: 0.6}}) {
		t.Error("AnyResembles")
	}
}

func TestDiffers(t *testing.T) {
	lead := Company{Name: "Bøgeskov Energi A/S", OrgNr: "29935181", Address: "Vestergade 145", Zip: "1150", City: "København K",
		Website: "https://www.bogeskov.dk/om", Phone: "+45 11 50 67 81", Country: "Danmark"}
	same := Company{Name: "Bøgeskov Energi ApS", OrgNr: "DK 29 93 51 81", Address: "vestergade 145,", Zip: "1150", City: "københavn k",
		Website: "bogeskov.dk", Phone: "11506781", Owner: "Jonas Berg", Country: "danmark"}
	other := Company{Name: "Bøgeskov Byg", OrgNr: "15609516", Address: "Havnegade 1", Zip: "5000", City: "Odense C",
		Website: "https://bogeskov-byg.dk", Phone: "+45 70 10 20 30", Country: "Norge"}
	for _, f := range []string{FieldName, FieldOrgNr, FieldAddress, FieldCity, FieldWebsite, FieldPhone, FieldOwner, FieldCategory, FieldCountry} {
		if Differs(f, lead, same) {
			t.Errorf("%s differs for the same company", f)
		}
	}
	for _, f := range []string{FieldName, FieldOrgNr, FieldAddress, FieldCity, FieldWebsite, FieldPhone, FieldCountry} {
		if !Differs(f, lead, other) {
			t.Errorf("%s does not differ for another company", f)
		}
	}
	if Differs(FieldCity, lead, Company{}) || Differs(FieldOwner, lead, other) {
		t.Error("a missing value counts as a difference")
	}
}
