package msg

// Lead statuses as the user reads them; the stored and JSON values stay
// the codes' last words (new, changed, synced, failed, review).
const (
	StatusNew     = "status.new"
	StatusChanged = "status.changed"
	StatusSynced  = "status.synced"
	StatusFailed  = "status.failed"
	StatusReview  = "status.review" // a batch left the lead for a person to decide
)

func init() {
	register(map[string][2]string{
		StatusNew:     {"ny", "new"},
		StatusChanged: {"ændret", "changed"},
		StatusSynced:  {"synkroniseret", "synced"},
		StatusFailed:  {"fejl", "failed"},
		StatusReview:  {"skal gennemses", "needs review"},
	})
}
