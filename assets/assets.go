// Package assets embeds the app icon and the demo lead files, so that the
// binary alone can show its icon and seed a demo database.
package assets

import (
	"embed"
	_ "embed"
)

// Icon is the app icon (PNG, 256×256).
//
//go:embed icon.png
var Icon []byte

// Demo holds the sample lead files under demo/.
//
//go:embed demo/*
var Demo embed.FS
