// Package buildinfo names the app and its version. The Makefile stamps
// Version from FyneApp.toml at link time (-X), so the CLI's `version`, the
// window and the User-Agent all report the version the package metadata
// declares.
package buildinfo

// Version is the app version from FyneApp.toml; "dev" in an unstamped build.
var Version = "dev"

// SOClientID is the app's SuperOffice application id (client_id from the
// SuperOffice Developer Portal), stamped at link time by `make build
// SO_CLIENT_ID=<id>` and the package targets, so a salesperson connects
// without knowing what a client id is. Empty in a build that is not
// registered with SuperOffice; RABITIQ_SO_CLIENT_ID overrides it
// (auth.ConfigFromEnv).
var SOClientID = ""

// AppID is the app's reverse-DNS id (FyneApp.toml Details.ID); Fyne keys
// preferences and the keyring service by it.
const AppID = "com.rabitiq.superoffice"

// AppName is the app's display name (FyneApp.toml Details.Name).
const AppName = "RabitIQ SuperOffice"

// UserAgent is what the app sends to SuperOffice.
func UserAgent() string { return "RabitIQ-SuperOffice/" + Version }
