package msg

import "sync"

// entry is one code's text in each language; {name} marks an argument.
type entry struct{ da, en string }

var (
	mu        sync.RWMutex
	catalogue = map[string]entry{}
)

// register adds a domain's rows; a code registered twice is a programming
// error that the catalogue test reports (the later row is ignored here,
// so a running app never panics over it).
func register(rows map[string][2]string) {
	mu.Lock()
	defer mu.Unlock()
	for code, t := range rows {
		if _, dup := catalogue[code]; dup {
			duplicates = append(duplicates, code)
			continue
		}
		catalogue[code] = entry{da: t[0], en: t[1]}
	}
}

var duplicates []string

func lookup(code string) (entry, bool) {
	mu.RLock()
	defer mu.RUnlock()
	e, ok := catalogue[code]
	return e, ok
}

// Codes lists every registered code, for tests and documentation.
func Codes() []string {
	mu.RLock()
	defer mu.RUnlock()
	out := make([]string, 0, len(catalogue))
	for c := range catalogue {
		out = append(out, c)
	}
	return out
}
