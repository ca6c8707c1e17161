package cli

import (
	"github.com/rabitiq/superoffice-sync/app/logbook"
)

// openLog gives the command the logbook (the same file the window
// writes), with the static token and client secret of the environment as
// exact values to redact besides the known shapes. The returned func
// closes the file.
func (env *Env) openLog() func() {
	env.logPath, env.logErr = logbook.Path(env.Getenv)
	if env.logErr != nil {
		env.log = logbook.Discard()
		return func() {}
	}
	lb := logbook.Open(env.logPath)
	lb.Secret(env.Getenv("RABITIQ_SO_ACCESS_TOKEN"))
	lb.Secret(env.Getenv("RABITIQ_SO_CLIENT_SECRET"))
	env.log = lb.Logger
	return func() { _ = lb.Close() }
}
