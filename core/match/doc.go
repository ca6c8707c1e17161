// Package match decides which SuperOffice company a RabitIQ lead is, before
// "Eksporter til SuperOffice" creates or updates anything.
//
// Duplicates and missed matches are the top complaint about every CRM
// integration, and the SuperOffice API does not help: it never blocks a
// duplicate, has no org-number duplicate rule and stores OrgNr as free text
// (docs/superoffice-api.md §7). So the app searches the tenant itself and
// this package ranks what came back, using three keys in falling order of
// trust:
//
//  1. the org number (Danish CVR, Norwegian org.nr., Swedish org.nr.),
//     validated by its check digit and compared as digits, so "DK 12 34 56
//     78" and "12345678" are the same company;
//  2. the website domain, compared without scheme, www, path or port;
//  3. the company name, folded (case, accents, æ/ae, ø/oe, å/aa), stripped
//     of its legal form (A/S, ApS, AB, GmbH, …) and compared fuzzily.
//
// Only an equal valid org number makes a candidate Certain; the UI
// preselects only those and batch export syncs only to those. Everything
// else is a suggestion for the user to confirm.
//
// The package is pure: no I/O, no clock, no randomness, no mutable globals,
// and no input makes it panic. The caller builds queries with QueryFor and
// OrgNumber.Variants, runs them against the tenant, turns the rows into
// Company values and calls Rank.
package match
