package logbook

import (
	"errors"
	"os"
	"path/filepath"
	"runtime"
)

// FileName is the current log file's name; rotated files add .1, .2.
const FileName = "rabitiq-superoffice.log"

// Path is where the log file lives: RABITIQ_LOG_DIR when set (scripts,
// tests), otherwise the OS's folder for logs and state:
//
//	Linux:   $XDG_STATE_HOME/rabitiq-superoffice, else ~/.local/state/rabitiq-superoffice
//	macOS:   ~/Library/Logs/RabitIQ SuperOffice
//	Windows: %LOCALAPPDATA%\RabitIQ SuperOffice\Logs
//
// Logs are not configuration, so they stay out of the folder with the
// database (which users may back up or sync).
func Path(getenv func(string) string) (string, error) {
	dir, err := dir(getenv, runtime.GOOS)
	if err != nil {
		return "", err
	}
	return filepath.Join(dir, FileName), nil
}

func dir(getenv func(string) string, goos string) (string, error) {
	if d := getenv("RABITIQ_LOG_DIR"); d != "" {
		return d, nil
	}
	switch goos {
	case "windows":
		if d := getenv("LOCALAPPDATA"); d != "" {
			return filepath.Join(d, "RabitIQ SuperOffice", "Logs"), nil
		}
		d, err := os.UserCacheDir() // %LocalAppData% on Windows
		if err != nil {
			return "", err
		}
		return filepath.Join(d, "RabitIQ SuperOffice", "Logs"), nil
	case "darwin", "ios":
		home, err := home(getenv)
		if err != nil {
			return "", err
		}
		return filepath.Join(home, "Library", "Logs", "RabitIQ SuperOffice"), nil
	}
	if d := getenv("XDG_STATE_HOME"); filepath.IsAbs(d) {
		return filepath.Join(d, "rabitiq-superoffice"), nil
	}
	home, err := home(getenv)
	if err != nil {
		return "", err
	}
	return filepath.Join(home, ".local", "state", "rabitiq-superoffice"), nil
}

func home(getenv func(string) string) (string, error) {
	if h := getenv("HOME"); h != "" {
		return h, nil
	}
	h, err := os.UserHomeDir()
	if err != nil || h == "" {
		return "", errors.New("logbook: no home folder for the log file")
	}
	return h, nil
}
