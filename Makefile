# RabitIQ SuperOffice: `make run` and `make test` are the only set-up
# commands a developer needs on Debian/Ubuntu; both install what is missing.
SHELL   := /bin/bash
BIN     := bin/rabitiq-superoffice
PKG     := github.com/rabitiq/superoffice-sync
VERSION := $(shell sed -n 's/^[[:space:]]*Version[[:space:]]*=[[:space:]]*"\(.*\)"/\1/p' FyneApp.toml)
BUILDNO := $(shell sed -n 's/^[[:space:]]*Build[[:space:]]*=[[:space:]]*\([0-9]*\)/\1/p' FyneApp.toml)
# SO_CLIENT_ID is the app's SuperOffice client id (SuperOffice Developer
# Portal); a release build carries it so nobody has to type it:
#   make build SO_CLIENT_ID=<id>   (also package, package-*, windows-exe)
# Without it the build says it is not registered with SuperOffice;
# RABITIQ_SO_CLIENT_ID at run time overrides it either way.
SO_CLIENT_ID ?=
ifneq ($(word 2,$(SO_CLIENT_ID)),)
$(error SO_CLIENT_ID must be one word, the client id itself)
endif
# What the linker stamps into app/buildinfo (-X), for every build target.
STAMP   := Version=$(VERSION) SOClientID=$(SO_CLIENT_ID)
LDFLAGS := $(foreach v,$(STAMP),-X $(PKG)/app/buildinfo.$(v))
# Every build of the app binary uses these tags. no_emoji leaves out
# Fyne's bundled colour-emoji font (EmojiOneColor.otf, 4.2 MB), which Fyne
# parses and keeps once per text style: about 25 MB less window memory
# (docs/PERFORMANCE.md). Emoji in lead text, and the ⚠ the list and the
# import result show, then come from the system's fonts (as ✓ and ✗
# already do), or show as boxes on a system with none that has them.
TAGS    := no_emoji
GO      ?= go
FYNE    := $(GO) tool fyne
# fyne package flags: version and build from FyneApp.toml, passed so it
# does not bump Build in the (copied) toml.
FYNEPKG := --release --app-version $(VERSION) --app-build $(BUILDNO)
WINCC   := x86_64-w64-mingw32-gcc
WINEXE  := dist/rabitiq-superoffice.exe
LINUXTAR := dist/rabitiq-superoffice-$(VERSION)-linux-amd64.tar.xz
PREFIX  ?= $(HOME)/.local

# Debian packages: the cgo build of Fyne (GL/X11 headers), the window
# tests (Xvfb, xdotool, ImageMagick) and the Secret Service keyring test.
DEB_BUILD := gcc libc6-dev pkg-config libgl1-mesa-dev libx11-dev libxcursor-dev libxrandr-dev libxinerama-dev libxi-dev libxxf86vm-dev
# The Windows cross-compiler (cgo through mingw-w64; the win32-threads
# variant only, half the download of gcc-mingw-w64-x86-64) and xz.
DEB_CROSS := gcc-mingw-w64-x86-64-win32 xz-utils
DEB_TEST  := xvfb xauth x11-utils xdotool imagemagick libgl1-mesa-dri dbus dbus-x11 gnome-keyring

.PHONY: all deps build run test unit keyring smoke screenshots vet lint bench clean package package-linux package-windows windows-exe install uninstall cross-check ci

all: build

deps:
	@if [ "$$(uname -s)" != Linux ]; then \
		echo "make deps installs Debian/Ubuntu packages only."; \
		echo "macOS: install Xcode command line tools (xcode-select --install) and Go 1.26."; \
		echo "Windows: install Go 1.26 and a gcc (e.g. MSYS2 mingw-w64); see README.md."; \
		exit 0; \
	fi; \
	if ! command -v dpkg >/dev/null; then echo "No dpkg: install the equivalents of: $(DEB_BUILD) $(DEB_TEST)"; exit 1; fi; \
	missing=""; for p in $(DEB_BUILD) $(DEB_TEST) $(DEB_CROSS); do \
		dpkg-query -W -f='$${Status}' $$p 2>/dev/null | grep -q "install ok installed" || missing="$$missing $$p"; \
	done; \
	if [ -n "$$missing" ]; then \
		echo "installing:$$missing"; \
		SUDO=""; [ "$$(id -u)" = 0 ] || SUDO=sudo; \
		$$SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y -qq --no-install-recommends $$missing >/dev/null; \
	fi

build: deps
	$(GO) build -trimpath -tags "$(TAGS)" -ldflags "$(LDFLAGS)" -o $(BIN) ./cmd/rabitiq-superoffice

run: build
	$(BIN) --demo

vet:
	$(GO) vet ./...

unit:
	$(GO) test -race -count=1 ./...

# The refresh token in a real Secret Service (gnome-keyring in a private
# D-Bus session), and not in SQLite.
keyring:
	bash .ci/keyring-test.sh

smoke: build
	bash .ci/tour.sh $(BIN) $(VERSION)

test: deps vet unit keyring smoke

# The README's screenshots, from the tour (1024x640, both languages and
# themes, in testdata/out/): a few copied to docs/screenshots/, small
# (no metadata, a 128-colour palette without dithering: ~170 KB in all).
SHOTS := da-light-guided da-dark-match-cvr da-dark-match-changes da-dark-updated da-light-fields en-light-integrations en-light-review
screenshots: smoke
	mkdir -p docs/screenshots
	for s in $(SHOTS); do convert testdata/out/tour-$$s.png -strip +dither -colors 128 PNG8:docs/screenshots/$$s.png; done
	@du -ch docs/screenshots/*.png | tail -1

lint:
	gofmt -l $$(git ls-files "*.go") | tee /dev/stderr | (! read)
	$(GO) vet ./...
	$(GO) run honnef.co/go/tools/cmd/staticcheck@v0.8.2 ./...

bench:
	$(GO) test -run '^$$' -bench . -benchmem ./...

clean:
	rm -rf bin dist testdata/out

# --- packaging -----------------------------------------------------------
# fyne package wants the main package and FyneApp.toml in one directory
# and writes beside them, so it runs in a staging copy under dist/_*
# (a leading "_" keeps ./... away from it); the tree stays clean.

package: package-linux package-windows

# Linux: the stamped binary from `make build` (no second cgo build), icon
# and .desktop file in a .tar.xz; `make install` puts it in ~/.local.
package-linux: build
	rm -rf dist/_linux && mkdir -p dist/_linux/assets
	cp FyneApp.toml dist/_linux/ && cp assets/icon.png dist/_linux/assets/
	printf 'package main\n\nfunc main() {}\n' > dist/_linux/stage.go
	cp $(BIN) dist/_linux/rabitiq-superoffice
	$(FYNE) package -os linux --src dist/_linux --exe "$(CURDIR)/dist/_linux/rabitiq-superoffice" $(FYNEPKG)
	mv "$(CURDIR)/dist/_linux/RabitIQ SuperOffice.tar.xz" $(LINUXTAR) 2>/dev/null || mv "RabitIQ SuperOffice.tar.xz" $(LINUXTAR)
	rm -rf dist/_linux
	@echo "wrote $(LINUXTAR)"

# Windows: fyne package cross-compiles with cgo through mingw-w64, embeds
# icon, version info and manifest (.syso) and links as a GUI program. Its
# release build hardens C code with -fstack-protector, which mingw-w64
# resolves from libssp: linked statically, so the exe needs no extra DLL.
package-windows: deps
	rm -rf dist/_windows && mkdir -p dist/_windows/assets
	cp cmd/rabitiq-superoffice/*.go FyneApp.toml dist/_windows/ && cp assets/icon.png dist/_windows/assets/
	fyne=$$($(GO) tool -n fyne) && cd dist/_windows && GOARCH=amd64 CC=$(WINCC) CGO_LDFLAGS="-l:libssp.a" GOFLAGS="$(GOFLAGS) $(foreach v,$(STAMP),-ldflags=-X=$(PKG)/app/buildinfo.$(v))" \
		$$fyne package -os windows --tags "$(TAGS)" $(FYNEPKG)
	mv "dist/_windows/RabitIQ SuperOffice.exe" $(WINEXE)
	rm -rf dist/_windows
	@echo "wrote $(WINEXE)"

# The CI check that Windows still builds: the same cgo cross-compile as a
# plain go build (GUI subsystem, no icon), cheaper than package-windows.
windows-exe: deps
	CGO_ENABLED=1 GOOS=windows GOARCH=amd64 CC=$(WINCC) $(GO) build -trimpath -tags "$(TAGS)" \
		-ldflags "-H windowsgui $(LDFLAGS)" -o $(WINEXE) ./cmd/rabitiq-superoffice

install: package-linux
	rm -rf dist/_install && mkdir -p dist/_install
	tar -xJf $(LINUXTAR) -C dist/_install --strip-components=1
	install -Dm0755 dist/_install/usr/local/bin/rabitiq-superoffice "$(PREFIX)/bin/rabitiq-superoffice"
	install -Dm0644 dist/_install/usr/local/share/pixmaps/com.rabitiq.superoffice.png "$(PREFIX)/share/icons/hicolor/256x256/apps/com.rabitiq.superoffice.png"
	sed 's|^Exec=.*|Exec="$(PREFIX)/bin/rabitiq-superoffice"|' dist/_install/usr/local/share/applications/com.rabitiq.superoffice.desktop \
		| install -Dm0644 /dev/stdin "$(PREFIX)/share/applications/com.rabitiq.superoffice.desktop"
	rm -rf dist/_install
	-command -v update-desktop-database >/dev/null && update-desktop-database -q "$(PREFIX)/share/applications"
	@echo "installed in $(PREFIX); start it from the app menu or $(PREFIX)/bin/rabitiq-superoffice"

uninstall:
	rm -f "$(PREFIX)/bin/rabitiq-superoffice" "$(PREFIX)/share/applications/com.rabitiq.superoffice.desktop" \
		"$(PREFIX)/share/icons/hicolor/256x256/apps/com.rabitiq.superoffice.png"

# core/ and app/ for macOS and Windows without a C compiler. Windows
# also vets the Fyne parts with -tags ci (Fyne's software driver); on
# macOS Fyne's widgets need cgo, so ui/ and the window wiring in
# cmd/rabitiq-superoffice are left to a Mac (README). core/ and app/
# import no Fyne (cmd/rabitiq-superoffice's TestFloors checks it).
NOFYNE = ./core/... ./app/...
cross-check:
	CGO_ENABLED=0 GOOS=windows GOARCH=amd64 $(GO) build -tags ci ./core/... ./app/...
	CGO_ENABLED=0 GOOS=windows GOARCH=amd64 $(GO) vet -tags ci ./...
	CGO_ENABLED=0 GOOS=darwin GOARCH=arm64 $(GO) vet $(NOFYNE)
	CGO_ENABLED=0 GOOS=darwin GOARCH=amd64 $(GO) build $(NOFYNE)

# What .ci/run runs: the tests, then the cross-platform builds.
ci: test cross-check windows-exe
