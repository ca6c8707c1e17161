package lead

// Keys that are containers rather than slots.
const (
	fContacts = field(numFields + 1 + iota)
	fFinancials
	fSwot
	fLeads // the wrapper key, meaningful only at top level
)

// scope is the object a key appears in: keys mean different things at
// lead level and inside "financials" or "swot".
type scope uint8

const (
	scLead scope = iota
	scFinancials
	scSwot
	numScopes
)

// scopeOf returns the scope a nested key path starts with ("financials"
// in "financials.revenueDkk").
func scopeOf(parent string) scope {
	switch parent {
	case "financials":
		return scFinancials
	case "swot":
		return scSwot
	}
	return numScopes // no such object: TestFieldTable reports the row
}

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

// rank orders competing keys for one slot: the canonical spelling beats
// another spelling of it (snake_case), which beats a named alias; inside
// the financials or swot object beats flat beside it.
func rank(f field, raw []byte, alias bool, nested bool) int8 {
	r := int8(1)
	switch {
	case alias:
	case string(raw) == fieldTable[f].name:
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
