package store

import (
	"context"
	"testing"

	"github.com/rabitiq/superoffice-sync/core/lead"
)

// Re-importing a lead, from each state a lead can be in, with the same or
// with changed content. Only a synced lead becomes "changed", and a lead
// left for review becomes "new" again (the decision was about the old
// content); every state keeps its company link; a changed lead's new
// content hash, contacts and search entry replace the old ones entirely.
//
// A lead whose create was interrupted has a recorded create intent and
// company but is still "new": it is a row here too.
func TestReimportStateTransitions(t *testing.T) {
	before := lead.Lead{ID: "r1", CompanyName: "Rolf ApS", Score: num(40),
		Contacts: []lead.Contact{{Name: "Oldname Olsen", Email: "old@rolf.dk"}, {Name: "Gammel Hansen"}}}
	after := lead.Lead{ID: "r1", CompanyName: "Rolf ApS", Score: num(80),
		Contacts: []lead.Contact{{Name: "Nyname Nielsen", Email: "ny@rolf.dk"}}}

	states := []struct {
		name    string
		setup   func(t *testing.T, d *DB, id int64)
		status  Status // before the re-import
		company int64  // the linked company, 0 = none
	}{
		{"new", func(*testing.T, *DB, int64) {}, StatusNew, 0},
		{"review", func(t *testing.T, d *DB, id int64) {
			must(t, d.MarkReview(context.Background(), id, ""))
		}, StatusReview, 0},
		{"review after failure", func(t *testing.T, d *DB, id int64) {
			must(t, d.MarkFailed(context.Background(), id, "HTTP 500", t0))
			must(t, d.MarkReview(context.Background(), id, "a company with this CVR exists"))
		}, StatusReview, 0},
		{"interrupted create", func(t *testing.T, d *DB, id int64) {
			must(t, d.AddIntent(context.Background(), Intent{LeadID: id, Tenant: "Cust1", Marker: "{}", CreatedAt: t0}))
			must(t, d.CreatedFor(context.Background(), id, 77, "Cust1"))
		}, StatusNew, 77},
		{"failed", func(t *testing.T, d *DB, id int64) {
			must(t, d.MarkFailed(context.Background(), id, "HTTP 500", t0))
		}, StatusFailed, 0},
		{"failed after create", func(t *testing.T, d *DB, id int64) {
			must(t, d.CreatedFor(context.Background(), id, 78, "Cust1"))
			must(t, d.MarkFailed(context.Background(), id, "person failed", t0))
		}, StatusFailed, 78},
		{"synced", func(t *testing.T, d *DB, id int64) {
			must(t, d.MarkSynced(context.Background(), id, 79, "Cust1", t0))
		}, StatusSynced, 79},
		{"changed", func(t *testing.T, d *DB, id int64) {
			must(t, d.MarkSynced(context.Background(), id, 80, "Cust1", t0))
			changedOnce := before
			changedOnce.Location = "Vejle"
			if _, err := d.ImportLeads(context.Background(), "c.json", []lead.Item{item(0, changedOnce)}, t0); err != nil {
				t.Fatal(err)
			}
		}, StatusChanged, 80},
	}
	for _, st := range states {
		for _, change := range []bool{false, true} {
			name := st.name + "/unchanged"
			if change {
				name = st.name + "/changed"
			}
			t.Run(name, func(t *testing.T) {
				ctx := context.Background()
				d := openTest(t)
				if _, err := d.ImportLeads(ctx, "a.json", []lead.Item{item(0, before)}, t0); err != nil {
					t.Fatal(err)
				}
				id, err := d.ResolveLead(ctx, "r1")
				if err != nil {
					t.Fatal(err)
				}
				st.setup(t, d, id)
				first := stateOf(t, d, id)
				if first.status != st.status {
					t.Fatalf("set-up status = %s, want %s", first.status, st.status)
				}

				next, want := before, FileCounts{Unchanged: 1}
				if st.name == "changed" {
					next.Location = "Vejle" // what the set-up imported
				}
				wantStatus := st.status
				if change {
					next, want = after, FileCounts{Updated: 1}
					switch st.status {
					case StatusSynced:
						wantStatus = StatusChanged
					case StatusReview:
						wantStatus = StatusNew
					}
				}
				it := item(0, next)
				c, err := d.ImportLeads(ctx, "b.json", []lead.Item{it}, t0)
				if err != nil || c != want {
					t.Fatalf("re-import = %+v, %v; want %+v", c, err, want)
				}
				got := stateOf(t, d, id)
				if got.status != wantStatus {
					t.Errorf("status = %s, want %s", got.status, wantStatus)
				}
				if got.company != st.company || got.syncedHash != first.syncedHash || got.lastError != first.lastError {
					t.Errorf("sync state = %+v, want company %d and the rest as before (%+v)", got, st.company, first)
				}
				if got.hash != it.Lead.ContentHash() || got.hash == "" {
					t.Errorf("stored content hash = %q, want the lead's %q", got.hash, it.Lead.ContentHash())
				}
				if len(got.contacts) != len(next.Contacts) {
					t.Fatalf("contact rows = %q, want %d", got.contacts, len(next.Contacts))
				}
				for i, c := range next.Contacts {
					if got.contacts[i] != c.Name {
						t.Errorf("contact %d = %q, want %q", i, got.contacts[i], c.Name)
					}
				}
				oldHits, newHits := 1, 0
				if change {
					oldHits, newHits = 0, 1
				}
				for q, n := range map[string]int{"Oldname": oldHits, "Nyname": newHits} {
					if hits, err := d.CountLeads(ctx, q); err != nil || hits != n {
						t.Errorf("search %q finds %d, %v; want %d", q, hits, err, n)
					}
				}
				// The same content once more is unchanged: the stored hash
				// is the content's.
				if c, err := d.ImportLeads(ctx, "b.json", []lead.Item{it}, t0); err != nil || c != (FileCounts{Unchanged: 1}) {
					t.Errorf("third import = %+v, %v; want unchanged", c, err)
				}
				if again := stateOf(t, d, id); again.status != wantStatus {
					t.Errorf("status after an unchanged import = %s, want %s", again.status, wantStatus)
				}
			})
		}
	}
}

type leadState struct {
	status                      Status
	company                     int64
	hash, syncedHash, lastError string
	contacts                    []string
}

func stateOf(t *testing.T, d *DB, id int64) leadState {
	t.Helper()
	ctx := context.Background()
	var s leadState
	var company *int64
	if err := d.db.QueryRowContext(ctx, `SELECT s.status, s.so_contact_id, l.content_hash, s.synced_hash, s.last_error
		FROM leads l JOIN sync_state s ON s.lead_id = l.id WHERE l.id = ?`, id).Scan(&s.status, &company, &s.hash, &s.syncedHash, &s.lastError); err != nil {
		t.Fatal(err)
	}
	if company != nil {
		s.company = *company
	}
	rows, err := d.db.QueryContext(ctx, `SELECT name FROM contacts WHERE lead_id = ? ORDER BY position`, id)
	if err != nil {
		t.Fatal(err)
	}
	defer rows.Close()
	for rows.Next() {
		var n string
		if err := rows.Scan(&n); err != nil {
			t.Fatal(err)
		}
		s.contacts = append(s.contacts, n)
	}
	return s
}

func must(t *testing.T, err error) {
	t.Helper()
	if err != nil {
		t.Fatal(err)
	}
}
