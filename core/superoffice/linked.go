package superoffice

import (
	"context"
	"fmt"
	"slices"
)

// MaxLinkedPerQuery is how many company ids one read-back query asks
// for: the "in (…)" list stays short enough for any URL length limit
// between us and the tenant, and a 429 mid-way costs at most one batch.
const MaxLinkedPerQuery = 50

// LinkedCompany is what a read-back sees of a company a lead is linked
// to: the values a user may have changed in SuperOffice since the sync.
type LinkedCompany struct {
	ContactID int
	Name      string
	OrgNr     string
	URL       string // the first web address (Slim rows carry one value per column)
	// URLs are the web addresses of every row of the company, URL first:
	// a tenant that answers one row per address (UNCONFIRMED) may send
	// them in any order, so "the first" is not a stable yardstick.
	URLs        []string
	AssociateID int // the owner ("Vores kontakt"); 0 when the tenant did not say
	// Owner is the owner's full name (contactAssociate/fullName), so a
	// change of owner can name both people; "" when the tenant did not
	// say. Owners are compared by AssociateID, never by name.
	Owner string
}

// LinkedColumns is the $select of a read-back: only documented
// SimpleContact columns (API.md §2.6, §9; the owner's name is the
// official sample's contactAssociate/fullName).
func LinkedColumns() []string {
	return []string{ColContactID, ColName, ColOrgNr, ColURL, ColAssociateID, ColOwner}
}

// LinkedRead is the answer of Linked: the companies that still exist,
// and which of the asked ids were checked at all (every id of a batch
// whose query succeeded), so a failure mid-way leaves the rest unknown
// rather than reported as gone.
type LinkedRead struct {
	Found   map[int]LinkedCompany
	Checked []int
	Queries int // OData requests sent, pages included
}

// Linked reads companies by id with one OData search per up to
// MaxLinkedPerQuery ids ("contactId in (…)", documented for ints), never
// one GET per company. An id missing from the answer was deleted or
// merged away. On an error the result holds the batches done so far.
func (s *ContactsService) Linked(ctx context.Context, ids []int) (*LinkedRead, error) {
	out := &LinkedRead{Found: map[int]LinkedCompany{}}
	uniq := slices.Clone(ids)
	slices.Sort(uniq)
	uniq = slices.Compact(uniq)
	for len(uniq) > 0 && uniq[0] <= 0 {
		uniq = uniq[1:]
	}
	for start := 0; start < len(uniq); start += MaxLinkedPerQuery {
		batch := uniq[start:min(start+MaxLinkedPerQuery, len(uniq))]
		if err := s.linkedBatch(ctx, batch, out); err != nil {
			return out, err
		}
		out.Checked = append(out.Checked, batch...)
	}
	return out, nil
}

// linkedBatch runs one batch's query, following pages should the tenant
// cut the answer (a company must never look gone because its row was on
// a page we did not read).
func (s *ContactsService) linkedBatch(ctx context.Context, batch []int, out *LinkedRead) error {
	vals := make([]any, len(batch))
	for i, id := range batch {
		vals[i] = id
	}
	opts := &SearchOptions{Select: LinkedColumns(), Filter: In(ColContactID, vals...),
		OrderBy: []string{ColContactID}, Top: len(batch)}
	found := map[int]LinkedCompany{}
	for page := 0; ; page++ {
		if page > len(batch) {
			return fmt.Errorf("superoffice: read-back of %d companies: the tenant kept sending pages", len(batch))
		}
		res, _, err := s.Search(ctx, opts)
		out.Queries++
		if err != nil {
			return fmt.Errorf("superoffice: read back companies %d…%d: %w", batch[0], batch[len(batch)-1], err)
		}
		for _, r := range res.Rows {
			c := r.Contact()
			if !slices.Contains(batch, c.ContactID) {
				continue
			}
			if had, dup := found[c.ContactID]; dup {
				// A repeated row (several web addresses) keeps the first
				// row's values and adds its address.
				if c.URL != "" && !slices.Contains(had.URLs, c.URL) {
					had.URLs = append(had.URLs, c.URL)
					found[c.ContactID] = had
				}
				continue
			}
			owner, _ := r.Int(ColAssociateID)
			lc := LinkedCompany{ContactID: c.ContactID, Name: c.Name, OrgNr: c.OrgNr, URL: c.URL, AssociateID: owner, Owner: c.Owner}
			if c.URL != "" {
				lc.URLs = []string{c.URL}
			}
			found[c.ContactID] = lc
		}
		if res.NextLink == "" || len(res.Rows) == 0 {
			break
		}
		opts.Skip += len(res.Rows)
	}
	for id, c := range found {
		out.Found[id] = c
	}
	return nil
}
