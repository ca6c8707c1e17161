package export

import (
	"time"

	"github.com/rabitiq/superoffice-sync/app/store"
	so "github.com/rabitiq/superoffice-sync/core/superoffice"
)

// snapshot is the company as SuperOffice holds it after this sync, stored
// with the sync (store.MarkSyncedWith): the yardstick of "Opdater fra
// SuperOffice" (app/refresh), which must report what a user changed
// there afterwards, not the values a sync kept on purpose (fill-if-blank).
// It is taken from the write's own answer, the company as stored, so it
// costs no extra request; a re-sync replaces it. nil when there is none.
func (e *Engine) snapshot(localID int64, res *Result, at time.Time) *store.Snapshot {
	if res.after == nil {
		return nil
	}
	s := snapshotOf(localID, e.tenant.Ctx, res.after, at)
	return &s
}

// snapshotOf reads the fields a read-back compares from a company entity:
// name, OrgNr, the first web address (the one a search row shows) and
// the owner.
func snapshotOf(localID int64, tenant string, c *so.ContactEntity, at time.Time) store.Snapshot {
	s := store.Snapshot{LeadID: localID, Tenant: tenant, ContactID: int64(c.ContactId), Name: c.Name, OrgNr: c.OrgNr, TakenAt: at}
	if len(c.Urls) > 0 {
		s.Website = c.Urls[0].Value
	}
	if c.Associate != nil {
		s.OwnerID, s.OwnerName = c.Associate.AssociateId, c.Associate.FullName
	}
	return s
}
