package lead

// field is one value slot of a Lead that a file key can feed.
type field uint8

// The slots, in the order warnings are reported and the content hash is
// written. Keep fieldInfo in the same order.
const (
	fID field = iota
	fCompanyName
	fWebsite
	fIndustry
	fSize
	fLocation
	fAddress
	fCVR
	fScore
	fIntentScore
	fReasonForFit
	fDescription
	fBusinessModel
	fTargetAudience
	fTechnologies
	fBuyingSignals
	fIntentSignals
	fConversationStarters
	fRedFlags
	fRevenue
	fProfit
	fEmployees
	fGrowth
	fMargin
	fCompetitors
	fCompetitiveAnalysis
	fMarketAnalysis
	fStrengths
	fWeaknesses
	fOpportunities
	fThreats
	fCustomerReviews
	fEmployeeReviews
	fGrowthSignals
	fIndustryPainPoints
	fJobPostings
	fSalesPlaybook
	fNotes
	fCreatedAt
	numFields
)

// Keys that are containers rather than slots.
const (
	fContacts = numFields + 1 + iota
	fFinancials
	fSwot
	fLeads // the wrapper key, meaningful only at top level
)

// kind says how a slot reads its value.
type kind uint8

const (
	kIdent kind = iota // a scalar only: identifiers must not be guessed from lists
	kShort             // short text: lists are joined with ", "
	kLong              // long text: lists become "• item" lines
	kNum               // a number or number-like text
	kDate              // createdAt
	kCVR               // cvr
)

// fieldInfo gives each slot its kind and canonical key (as the contract
// spells it), indexed by field.
var fieldInfo = [numFields]struct {
	kind  kind
	canon string
}{
	fID:                   {kIdent, "id"},
	fCompanyName:          {kIdent, "companyName"},
	fWebsite:              {kIdent, "website"},
	fIndustry:             {kShort, "industry"},
	fSize:                 {kShort, "size"},
	fLocation:             {kShort, "location"},
	fAddress:              {kLong, "address"},
	fCVR:                  {kCVR, "cvr"},
	fScore:                {kNum, "score"},
	fIntentScore:          {kNum, "intentScore"},
	fReasonForFit:         {kLong, "reasonForFit"},
	fDescription:          {kLong, "description"},
	fBusinessModel:        {kShort, "businessModel"},
	fTargetAudience:       {kShort, "targetAudience"},
	fTechnologies:         {kLong, "technologies"},
	fBuyingSignals:        {kLong, "buyingSignals"},
	fIntentSignals:        {kLong, "intentSignals"},
	fConversationStarters: {kLong, "conversationStarters"},
	fRedFlags:             {kLong, "redFlags"},
	fRevenue:              {kNum, "revenueDkk"},
	fProfit:               {kNum, "profitDkk"},
	fEmployees:            {kNum, "employees"},
	fGrowth:               {kNum, "growthRatePct"},
	fMargin:               {kNum, "profitMarginPct"},
	fCompetitors:          {kLong, "competitors"},
	fCompetitiveAnalysis:  {kLong, "competitiveAnalysis"},
	fMarketAnalysis:       {kLong, "marketAnalysis"},
	fStrengths:            {kLong, "strengths"},
	fWeaknesses:           {kLong, "weaknesses"},
	fOpportunities:        {kLong, "opportunities"},
	fThreats:              {kLong, "threats"},
	fCustomerReviews:      {kLong, "customerReviews"},
	fEmployeeReviews:      {kLong, "employeeReviews"},
	fGrowthSignals:        {kLong, "growthSignals"},
	fIndustryPainPoints:   {kLong, "industryPainPoints"},
	fJobPostings:          {kLong, "jobPostings"},
	fSalesPlaybook:        {kLong, "salesPlaybook"},
	fNotes:                {kLong, "notes"},
	fCreatedAt:            {kDate, "createdAt"},
}

// scope is the object a key appears in: keys mean different things at
// lead level and inside "financials" or "swot".
type scope uint8

const (
	scLead scope = iota
	scFinancials
	scSwot
)

// normKey folds a key for alias lookup: ASCII letters lowercased and '_',
// '-' and ' ' dropped, so "company_name", "CompanyName" and "e-mail" meet
// their canonical spellings. It writes into buf and returns false for keys
// that cannot match anything (too long or not ASCII).
func normKey(buf *[32]byte, k []byte) (string, bool) {
	n := 0
	for _, c := range k {
		switch {
		case c == '_' || c == '-' || c == ' ':
			continue
		case c >= 'A' && c <= 'Z':
			c += 'a' - 'A'
		case c >= 0x80:
			return "", false
		}
		if n == len(buf) {
			return "", false
		}
		buf[n] = c
		n++
	}
	return string(buf[:n]), true
}

// lookup maps a folded key in a scope to the field it feeds. alias is true
// for the contract's alternative names (name, userNotes, revenue, ...),
// which lose to the canonical key when both are present.
func lookup(sc scope, k string) (f field, alias, ok bool) {
	switch sc {
	case scFinancials:
		return lookupFinancial(k)
	case scSwot:
		return lookupSwot(k)
	}
	switch k {
	case "id":
		return fID, false, true
	case "companyname":
		return fCompanyName, false, true
	case "name":
		return fCompanyName, true, true
	case "website":
		return fWebsite, false, true
	case "industry":
		return fIndustry, false, true
	case "size":
		return fSize, false, true
	case "location":
		return fLocation, false, true
	case "address":
		return fAddress, false, true
	case "cvr":
		return fCVR, false, true
	case "score":
		return fScore, false, true
	case "intentscore":
		return fIntentScore, false, true
	case "reasonforfit":
		return fReasonForFit, false, true
	case "description":
		return fDescription, false, true
	case "businessmodel":
		return fBusinessModel, false, true
	case "targetaudience":
		return fTargetAudience, false, true
	case "technologies":
		return fTechnologies, false, true
	case "buyingsignals":
		return fBuyingSignals, false, true
	case "intentsignals":
		return fIntentSignals, false, true
	case "conversationstarters":
		return fConversationStarters, false, true
	case "redflags":
		return fRedFlags, false, true
	case "competitors":
		return fCompetitors, false, true
	case "competitiveanalysis":
		return fCompetitiveAnalysis, false, true
	case "marketanalysis":
		return fMarketAnalysis, false, true
	case "customerreviews":
		return fCustomerReviews, false, true
	case "employeereviews":
		return fEmployeeReviews, false, true
	case "growthsignals":
		return fGrowthSignals, false, true
	case "industrypainpoints":
		return fIndustryPainPoints, false, true
	case "jobpostings":
		return fJobPostings, false, true
	case "salesplaybook":
		return fSalesPlaybook, false, true
	case "notes":
		return fNotes, false, true
	case "usernotes":
		return fNotes, true, true
	case "createdat":
		return fCreatedAt, false, true
	case "contacts":
		return fContacts, false, true
	case "financials":
		return fFinancials, false, true
	case "swot":
		return fSwot, false, true
	case "leads":
		return fLeads, false, true
	}
	if f, alias, ok := lookupFinancial(k); ok {
		return f, alias, true
	}
	return lookupSwot(k)
}

func lookupFinancial(k string) (f field, alias, ok bool) {
	switch k {
	case "revenuedkk":
		return fRevenue, false, true
	case "revenue":
		return fRevenue, true, true
	case "profitdkk":
		return fProfit, false, true
	case "profit":
		return fProfit, true, true
	case "employees":
		return fEmployees, false, true
	case "employeecount":
		return fEmployees, true, true
	case "growthratepct":
		return fGrowth, false, true
	case "growthrate":
		return fGrowth, true, true
	case "profitmarginpct":
		return fMargin, false, true
	case "profitmargin":
		return fMargin, true, true
	}
	return 0, false, false
}

func lookupSwot(k string) (f field, alias, ok bool) {
	switch k {
	case "strengths":
		return fStrengths, false, true
	case "weaknesses":
		return fWeaknesses, false, true
	case "opportunities":
		return fOpportunities, false, true
	case "threats":
		return fThreats, false, true
	}
	return 0, false, false
}

// rank orders competing keys for one slot: the canonical spelling beats
// another spelling of it (snake_case), which beats a named alias; inside
// the financials or swot object beats flat beside it.
func rank(f field, raw []byte, alias bool, nested bool) int8 {
	r := int8(1)
	switch {
	case alias:
	case string(raw) == fieldInfo[f].canon:
		r = 3
	default:
		r = 2
	}
	if nested {
		r += 3
	}
	return r
}

// contact fields, in Contact's order.
const (
	cName = iota
	cTitle
	cEmail
	cPhone
	cLinkedIn
	numContactFields
)

var contactCanon = [numContactFields]string{"name", "title", "email", "phone", "linkedin"}

// lookupContact maps a folded contact key to its field.
func lookupContact(k string) (f int, alias, ok bool) {
	switch k {
	case "name":
		return cName, false, true
	case "fullname":
		return cName, true, true
	case "title":
		return cTitle, false, true
	case "jobtitle":
		return cTitle, true, true
	case "email":
		return cEmail, false, true
	case "mail":
		return cEmail, true, true
	case "phone":
		return cPhone, false, true
	case "phonenumber", "mobile":
		return cPhone, true, true
	case "linkedin":
		return cLinkedIn, false, true
	case "linkedinurl":
		return cLinkedIn, true, true
	}
	return 0, false, false
}
