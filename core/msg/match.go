package msg

// Match reasons: why a SuperOffice company is a candidate for a lead
// (core/match). "CVR" is what a Danish user calls a Danish org number;
// Norwegian and Swedish ones are "org.nr.".
const (
	MatchCVR           = "match.cvr-match"
	MatchCVRConflict   = "match.cvr-conflict"
	MatchOrgNr         = "match.orgnr-match"
	MatchOrgNrConflict = "match.orgnr-conflict"
	MatchDomain        = "match.same-domain"
	MatchName          = "match.name-alike" // {pct}: whole percent, floored
	MatchHolding       = "match.holding"
	MatchOperating     = "match.operating"
)

func init() {
	register(map[string][2]string{
		MatchCVR:           {"CVR matcher", "CVR matches"},
		MatchCVRConflict:   {"CVR afviger", "CVR differs"},
		MatchOrgNr:         {"org.nr. matcher", "org. no. matches"},
		MatchOrgNrConflict: {"org.nr. afviger", "org. no. differs"},
		MatchDomain:        {"samme domæne", "same domain"},
		MatchName:          {"navn {pct} % ens", "name {pct} % alike"},
		MatchHolding:       {"holdingselskab", "holding company"},
		MatchOperating:     {"driftsselskab", "operating company"},
	})
}
