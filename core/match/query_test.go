package match

import (
	"testing"

	"github.com/rabitiq/superoffice-sync/core/lead"
)

func TestQueryFor(t *testing.T) {
	tests := []struct {
		name    string
		l       *lead.Lead
		country string
		want    Query
	}{
		{
			name:    "danish lead",
			l:       &lead.Lead{CompanyName: "Jensen ApS", CVR: "24256790", CVRValid: true, Website: "https://www.jensen.dk/"},
			country: "dk",
			want:    Query{Name: "Jensen ApS", OrgNr: OrgNumber{Country: Denmark, Digits: "24256790", Valid: true}, Domain: "jensen.dk", Country: Denmark},
		},
		{
			name:    "valid CVR fixes Denmark whatever the location says",
			l:       &lead.Lead{CompanyName: "Jensen", CVR: "24256790", CVRValid: true},
			country: "NO",
			want:    Query{Name: "Jensen", OrgNr: OrgNumber{Country: Denmark, Digits: "24256790", Valid: true}, Country: Norway},
		},
		{
			name:    "invalid CVR is carried but not valid",
			l:       &lead.Lead{CompanyName: "Jensen", CVR: "24256791"},
			country: "DK",
			want:    Query{Name: "Jensen", OrgNr: OrgNumber{Country: Denmark, Digits: "24256791"}, Country: Denmark},
		},
		{
			name:    "norwegian number in the cvr field",
			l:       &lead.Lead{CompanyName: "Fjord AS", CVR: "NO 923 609 016 MVA"},
			country: "NO",
			want:    Query{Name: "Fjord AS", OrgNr: OrgNumber{Country: Norway, Digits: "923609016", Valid: true}, Country: Norway},
		},
		{
			name:    "country from the number when unknown",
			l:       &lead.Lead{CompanyName: "Volvo AB", CVR: "556677-8899"},
			country: "",
			want:    Query{Name: "Volvo AB", OrgNr: OrgNumber{Country: Sweden, Digits: "5566778899", Valid: true}, Country: Sweden},
		},
		{
			name:    "generic website falls back to a contact's e-mail domain",
			l:       &lead.Lead{CompanyName: "Jensen", Website: "facebook.com/jensen", Contacts: []lead.Contact{{Email: "jensen@gmail.com"}, {Email: "Peter@Jensen.dk"}}},
			country: "DK",
			want:    Query{Name: "Jensen", Domain: "jensen.dk", Country: Denmark},
		},
		{
			name:    "only generic domains",
			l:       &lead.Lead{CompanyName: "Jensen", Website: "gmail.com", Contacts: []lead.Contact{{Email: "jensen@hotmail.com"}}},
			country: "DK",
			want:    Query{Name: "Jensen", Country: Denmark},
		},
		{
			name:    "nil lead",
			l:       nil,
			country: "DK",
			want:    Query{Country: Denmark},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := QueryFor(tt.l, tt.country); got != tt.want {
				t.Fatalf("QueryFor = %+v, want %+v", got, tt.want)
			}
		})
	}
}
