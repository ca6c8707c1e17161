// Package store keeps leads, their contacts, sync state and sync history in
// a local SQLite database (modernc.org/sqlite, no cgo). Secrets never go
// here: tokens live in the OS keyring.
package store

import (
	"context"
	"database/sql"
	"embed"
	"errors"
	"fmt"
	"io/fs"
	"net/url"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"sync/atomic"

	_ "modernc.org/sqlite" // registers the "sqlite" driver
)

//go:embed migrations/*.sql
var migrationFS embed.FS

// DB is an open lead database.
type DB struct {
	db   *sql.DB
	path string

	// gen counts committed imports; cached search hits of an older
	// generation are stale.
	gen  atomic.Uint64
	hits hitCache

	// gate makes long imports take turns with other writers (gate.go).
	gate writerGate
}

// ErrNewerDatabase is returned by Open for a database written by a newer
// version of the app; opening it could corrupt data the newer version needs.
var ErrNewerDatabase = errors.New("the database was written by a newer version of RabitIQ SuperOffice")

// DefaultPath returns where the app keeps its database when neither --db
// nor RABITIQ_DB says otherwise: the OS's per-user config directory.
func DefaultPath() (string, error) {
	dir, err := os.UserConfigDir()
	if err != nil {
		return "", fmt.Errorf("find the user config directory: %w", err)
	}
	return filepath.Join(dir, "RabitIQ SuperOffice", "leads.db"), nil
}

// dsn puts every pragma in the connection string so that each pooled
// connection gets them, not only the first one. secure_delete overwrites
// what is deleted with zeros, so that a deleted lead's contacts (names,
// e-mails, phones) are gone from the file, not only from the tables.
func dsn(path string) string {
	q := url.Values{}
	for _, p := range []string{"page_size(16384)", "journal_mode(WAL)", "synchronous(FULL)", "foreign_keys(1)", "busy_timeout(10000)", "cache_size(-8192)", "secure_delete(1)"} {
		q.Add("_pragma", p)
	}
	q.Set("_txlock", "immediate")
	return "file:" + (&url.URL{Path: path}).EscapedPath() + "?" + q.Encode()
}

// Open opens (creating if needed) the database at path and applies any
// pending migrations, each in its own transaction.
func Open(ctx context.Context, path string) (*DB, error) {
	if path == "" {
		return nil, errors.New("open database: empty path")
	}
	if err := os.MkdirAll(filepath.Dir(path), 0o700); err != nil {
		return nil, fmt.Errorf("open database %s: %w", path, err)
	}
	if err := createPrivate(path); err != nil {
		return nil, fmt.Errorf("open database %s: %w", path, err)
	}
	sqldb, err := sql.Open("sqlite", dsn(path))
	if err != nil {
		return nil, fmt.Errorf("open database %s: %w", path, err)
	}
	d := &DB{db: sqldb, path: path, gate: newGate(path)}
	if err := d.migrate(ctx); err != nil {
		sqldb.Close()
		return nil, fmt.Errorf("open database %s: %w", path, err)
	}
	return d, nil
}

// createPrivate creates the database file, empty, readable by its owner
// only, when it does not exist yet. SQLite would create it 0644, readable
// by every user of the machine in a folder given with --db (the default
// folder is 0700); it gives the -wal and -shm files the mode of the
// database file, so they are 0600 too. An existing file keeps its mode.
func createPrivate(path string) error {
	f, err := os.OpenFile(path, os.O_RDWR|os.O_CREATE|os.O_EXCL, 0o600)
	if errors.Is(err, fs.ErrExist) {
		return nil
	}
	if err != nil {
		return err
	}
	return f.Close()
}

// Path returns the database file's path.
func (d *DB) Path() string { return d.path }

// Close closes the database.
func (d *DB) Close() error { return d.db.Close() }

func (d *DB) migrate(ctx context.Context) error {
	if _, err := d.db.ExecContext(ctx, `CREATE TABLE IF NOT EXISTS migrations (name TEXT PRIMARY KEY, applied_at TEXT NOT NULL DEFAULT CURRENT_TIMESTAMP)`); err != nil {
		return fmt.Errorf("create migrations table: %w", err)
	}
	names, err := fs.Glob(migrationFS, "migrations/*.sql")
	if err != nil {
		return err
	}
	sort.Strings(names)
	known := map[string]bool{}
	for i, n := range names {
		names[i] = filepath.Base(n)
		known[names[i]] = true
	}
	applied := map[string]bool{}
	rows, err := d.db.QueryContext(ctx, `SELECT name FROM migrations`)
	if err != nil {
		return fmt.Errorf("read migrations: %w", err)
	}
	for rows.Next() {
		var n string
		if err := rows.Scan(&n); err != nil {
			rows.Close()
			return err
		}
		if !known[n] {
			rows.Close()
			return fmt.Errorf("%w (it has migration %s); install the newer version or use another --db", ErrNewerDatabase, n)
		}
		applied[n] = true
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return err
	}
	for _, n := range names {
		if applied[n] {
			continue
		}
		body, err := migrationFS.ReadFile("migrations/" + n)
		if err != nil {
			return err
		}
		if err := d.inTx(ctx, func(tx *sql.Tx) error {
			if _, err := tx.ExecContext(ctx, string(body)); err != nil {
				return err
			}
			_, err := tx.ExecContext(ctx, `INSERT INTO migrations (name) VALUES (?)`, n)
			return err
		}); err != nil {
			return fmt.Errorf("apply migration %s: %w", n, err)
		}
	}
	return nil
}

// inTx runs fn in one transaction, committing only if fn succeeds.
func (d *DB) inTx(ctx context.Context, fn func(*sql.Tx) error) error {
	tx, err := d.db.BeginTx(ctx, nil)
	if err != nil {
		return fmt.Errorf("begin: %w", err)
	}
	if err := fn(tx); err != nil {
		_ = tx.Rollback()
		return err
	}
	if err := tx.Commit(); err != nil {
		return fmt.Errorf("commit: %w", err)
	}
	return nil
}

// fold is the case-folded form used for sorting and searching names.
func fold(s string) string { return strings.ToLower(strings.TrimSpace(s)) }
