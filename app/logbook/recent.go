package logbook

import (
	"bufio"
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"log/slog"
	"os"
	"regexp"
	"strconv"
	"time"
)

// Entry is one error read back from the log file.
type Entry struct {
	Time    time.Time
	What    string // the log message, e.g. "sync failed"
	Lead    int64  // 0 when none
	Company int64  // 0 when none
	Status  int    // SuperOffice's HTTP status; 0 when none
	Method  string
	Path    string
	Error   string
}

// statusRE reads method, path and status from an error text made by
// superoffice.ErrorResponse ("superoffice: GET v1/Contact/5: 500 …"),
// for errors that reached the log only as text (a batch item's).
var statusRE = regexp.MustCompile(`superoffice: ([A-Z]+) (\S+): (\d{3})\b`)

// TextAttrs are the status, method and path an error text names, if it
// names them.
func TextAttrs(errText string) []any {
	m := statusRE.FindStringSubmatch(errText)
	if m == nil {
		return nil
	}
	n, _ := strconv.Atoi(m[3])
	return []any{slog.Int(KeyStatus, n), slog.String(KeyMethod, m[1]), slog.String(KeyPath, m[2])}
}

// Recent returns the last n errors in the log file at path and its
// rotated predecessors, oldest first. A missing file is no errors; lines
// that are not the logbook's JSON are skipped.
func Recent(path string, n int) ([]Entry, error) {
	var out []Entry
	for i := DefaultFiles - 1; i >= 0; i-- {
		es, err := readErrors(Rotated(path, i))
		if err != nil {
			return nil, err
		}
		out = append(out, es...)
	}
	if len(out) > n {
		out = out[len(out)-n:]
	}
	return out, nil
}

func readErrors(path string) ([]Entry, error) {
	f, err := os.Open(path)
	if errors.Is(err, fs.ErrNotExist) {
		return nil, nil
	}
	if err != nil {
		return nil, fmt.Errorf("read log: %w", err)
	}
	defer f.Close()
	var out []Entry
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 0, 64<<10), 1<<20)
	for sc.Scan() {
		var l struct {
			Time    time.Time `json:"time"`
			Level   string    `json:"level"`
			Msg     string    `json:"msg"`
			Lead    int64     `json:"lead"`
			Company int64     `json:"company"`
			Status  int       `json:"status"`
			Method  string    `json:"method"`
			Path    string    `json:"path"`
			Error   string    `json:"error"`
		}
		if json.Unmarshal(sc.Bytes(), &l) != nil || l.Level != slog.LevelError.String() {
			continue
		}
		out = append(out, Entry{Time: l.Time, What: l.Msg, Lead: l.Lead, Company: l.Company, Status: l.Status, Method: l.Method, Path: l.Path, Error: l.Error})
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("read log: %w", err)
	}
	return out, nil
}
