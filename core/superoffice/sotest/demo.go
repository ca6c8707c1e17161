package sotest

import (
	_ "embed"
)

// demoSeedJSON is the demo tenant. "_why" keys explain what a record is
// for and are ignored by the loader.
//
//go:embed demo-seed.json
var demoSeedJSON []byte

// DemoSeedJSON returns the demo seed file (also usable with --seed).
func DemoSeedJSON() []byte { return append([]byte(nil), demoSeedJSON...) }

// DemoSeed returns a realistic Danish demo tenant:
//
//   - 33 companies with valid CVR numbers; some match the sample leads in
//     testdata/samples: "Klitrose Byggeri P/S" has the CVR of the lead
//     "Klitrose Byg P/S" (and its lead id in RabitIQ:6), "Vesterhav Foods"
//     has it as "DK15609516", "Bøgeskov Byg ApS" as "46 03 26 83",
//     "Havbris Software" as "DK 81 45 21 13"; near names without CVR:
//     "Mosegård Data A/S" (lead: P/S), "Bøgeskov Energi A/S" (lead: ApS),
//     "Egetræ Rådgivning" (exact name, department Aalborg), "Klitrose Finans
//     AB" (Sweden); "Kystlinje Energi ApS" exists twice (two departments);
//     "Jensen's Bøfhus" has an apostrophe.
//   - 39 persons, e.g. lars.hansen@klitrose.dk, who is also a contact of the
//     sample lead.
//   - Custom fields: the 37 RabitIQ fields with deliberate admin mistakes:
//     RabitIQ:29 and RabitIQ:33 missing, RabitIQ:34 created on Person,
//     RabitIQ:18 (a number) created as ShortText with TextLength 10,
//     RabitIQ:31 created but not published, RabitIQ:4 with TextLength 20 and
//     RabitIQ:2 with 150; plus the tenant's own SuperOffice:1 (Kundesegment),
//     x_kundenummer (extra field) and, on Person, SuperOffice:2 (Checkbox).
//   - The built-in country list (DefaultCountries), home country Denmark (208).
//   - The Danish Category, Business and Task lists (DefaultLists): default
//     category "Prospekt", default task "Telefonsamtale", no default business.
//
// It panics only if the embedded file is broken (a build defect caught by
// the package tests).
func DemoSeed() *Seed {
	s, err := ParseSeed(demoSeedJSON)
	if err != nil {
		panic(err)
	}
	return s
}
