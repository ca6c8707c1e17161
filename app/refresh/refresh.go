// Package refresh reads the companies synced leads are linked to back
// from SuperOffice ("Opdater fra SuperOffice") and tells per lead whether
// the company is the same, changed by a user there since our last sync
// (measured against the snapshot the sync stored, store.Snapshot), or
// gone (deleted or merged away). It only reads SuperOffice; what it finds is stored per
// lead (store.Refresh) for the lead's card, `refresh` and the batch, which
// leaves a lead whose company is gone for a new match.
package refresh

import (
	"context"
	"slices"
	"time"

	"github.com/rabitiq/superoffice-sync/app/store"
	"github.com/rabitiq/superoffice-sync/core/msg"
	so "github.com/rabitiq/superoffice-sync/core/superoffice"
)

// Lead is one lead's outcome: the `refresh --json` element.
type Lead struct {
	LocalID     int64                 `json:"localId"`
	ID          string                `json:"id"`
	CompanyName string                `json:"companyName"`
	ContactID   int64                 `json:"contactId"`
	State       string                `json:"state"`
	Changes     []store.RefreshChange `json:"changes"`
}

// Report is what one run found, in local id order.
type Report struct {
	Leads   []Lead
	Queries int // OData searches sent (one per up to 50 companies)
}

// Service reads back for one tenant.
type Service struct {
	db     *store.DB
	client *so.Client
	tenant string
	now    func() time.Time
}

// New returns a read-back service for tenant (its context id, e.g.
// Cust12345); now may be nil.
func New(db *store.DB, client *so.Client, tenant string, now func() time.Time) *Service {
	if now == nil {
		now = time.Now
	}
	return &Service{db: db, client: client, tenant: tenant, now: now}
}

// Run reads back the companies of the leads ids (all synced leads when
// ids is empty; leads not linked on this tenant are left out). On an error
// mid-way (a 429 that outlasts the retries, a timeout) the leads of the
// batches that were read are stored and reported, and the others are not
// touched: a lead not checked keeps its earlier state.
func (s *Service) Run(ctx context.Context, ids []int64) (*Report, error) {
	linked, err := s.db.LinkedLeads(ctx, s.tenant, ids)
	if err != nil {
		return nil, err
	}
	rep := &Report{Leads: []Lead{}}
	if len(linked) == 0 {
		return rep, nil
	}
	contactIDs := make([]int, len(linked))
	for i, l := range linked {
		contactIDs[i] = int(l.ContactID)
	}
	read, rerr := s.client.Contacts.Linked(ctx, contactIDs)
	if read == nil {
		read = &so.LinkedRead{}
	}
	rep.Queries = read.Queries
	at := s.now()
	var save []store.Refresh
	var snaps []store.Snapshot
	for _, l := range linked {
		if !slices.Contains(read.Checked, int(l.ContactID)) {
			continue
		}
		r, snap, err := s.judge(ctx, l, read.Found, at)
		if err != nil {
			return rep, err
		}
		save = append(save, r)
		if snap != nil {
			snaps = append(snaps, *snap)
		}
		ch := r.Changes
		if ch == nil {
			ch = []store.RefreshChange{}
		}
		rep.Leads = append(rep.Leads, Lead{LocalID: l.LocalID, ID: l.ID, CompanyName: l.CompanyName, ContactID: l.ContactID, State: r.State, Changes: ch})
	}
	// The snapshots first: should the outcomes then fail to be stored,
	// the next read-back measures against the same yardstick anyway.
	if err := s.db.SaveSnapshots(ctx, snaps); err != nil {
		return rep, err
	}
	if err := s.db.SaveRefreshes(ctx, save); err != nil {
		return rep, err
	}
	if rerr != nil {
		return rep, msg.Errorf(msg.Errorf(rerr, msg.RefreshRead), msg.RefreshStopped, "checked", len(rep.Leads), "total", len(linked))
	}
	return rep, nil
}

// judge compares one lead's company as read back with its snapshot, the
// company as SuperOffice held it after our last sync (store.Snapshot,
// taken by app/export). A lead synced before snapshots were kept has
// none: its first read-back takes one from what it reads and says
// "same", since the lead's own values are no yardstick (a sync keeps a
// company's name or site on purpose, fill-if-blank, and that is no
// user's change); a change made between that old sync and this first
// read-back goes unseen. Only the owner keeps the yardstick the earlier
// read-backs used, the first owner they saw, so an owner change already
// shown does not vanish. The snapshot to store, if any, is returned.
func (s *Service) judge(ctx context.Context, l store.LinkedLead, found map[int]so.LinkedCompany, at time.Time) (store.Refresh, *store.Snapshot, error) {
	r := store.Refresh{LeadID: l.LocalID, Tenant: s.tenant, ContactID: l.ContactID, CheckedAt: at}
	before, had, err := s.db.RefreshOf(ctx, l.LocalID, s.tenant)
	if err != nil {
		return r, nil, err
	}
	snap, hasSnap, err := s.db.SnapshotOf(ctx, l.LocalID, s.tenant)
	if err != nil {
		return r, nil, err
	}
	c, ok := found[int(l.ContactID)]
	if !ok {
		r.State = store.RefreshGone
		switch {
		case hasSnap:
			r.OwnerID = snap.OwnerID
		case had:
			r.OwnerID = before.OwnerID
		}
		return r, nil, nil
	}
	var take *store.Snapshot
	if !hasSnap {
		snap = snapshotOf(s.tenant, l, c, at)
		if had && before.OwnerID != 0 && c.AssociateID != 0 && before.OwnerID != c.AssociateID {
			snap.OwnerID, snap.OwnerName = before.OwnerID, ""
		}
		take = &snap
	}
	r.OwnerID = snap.OwnerID
	r.State, r.Changes = compare(snap, c)
	return r, take, nil
}

// snapshotOf is the company as read back, as a snapshot of the lead.
func snapshotOf(tenant string, l store.LinkedLead, c so.LinkedCompany, at time.Time) store.Snapshot {
	return store.Snapshot{LeadID: l.LocalID, Tenant: tenant, ContactID: l.ContactID, Name: c.Name, OrgNr: c.OrgNr,
		Website: c.URL, OwnerID: c.AssociateID, OwnerName: c.Owner, TakenAt: at}
}
