# RabitIQ SuperOffice: `make run` and `make test` are the only set-up
# commands a developer needs on Debian/Ubuntu; both install what is missing.
SHELL   := /bin/bash
BIN     := bin/rabitiq-superoffice
PKG     := github.com/rabitiq/superoffice-sync
VERSION := $(shell sed -n 's/^[[:space:]]*Version[[:space:]]*=[[:space:]]*"\(.*\)"/\1/p' FyneApp.toml)
LDFLAGS := -X $(PKG)/app/buildinfo.Version=$(VERSION)
GO      ?= go

# Debian packages: the cgo build of Fyne (GL/X11 headers), the window
# tests (Xvfb, xdotool, ImageMagick) and the Secret Service keyring test.
DEB_BUILD := gcc libc6-dev pkg-config libgl1-mesa-dev libx11-dev libxcursor-dev libxrandr-dev libxinerama-dev libxi-dev libxxf86vm-dev
DEB_TEST  := xvfb xauth x11-utils xdotool imagemagick libgl1-mesa-dri dbus dbus-x11 gnome-keyring

.PHONY: all deps build run test unit keyring smoke vet lint bench clean

all: build

deps:
	@if [ "$$(uname -s)" != Linux ]; then \
		echo "make deps installs Debian/Ubuntu packages only."; \
		echo "macOS: install Xcode command line tools (xcode-select --install) and Go 1.26."; \
		echo "Windows: install Go 1.26 and a gcc (e.g. MSYS2 mingw-w64); see README.md."; \
		exit 0; \
	fi; \
	if ! command -v dpkg >/dev/null; then echo "No dpkg: install the equivalents of: $(DEB_BUILD) $(DEB_TEST)"; exit 1; fi; \
	missing=""; for p in $(DEB_BUILD) $(DEB_TEST); do \
		dpkg-query -W -f='$${Status}' $$p 2>/dev/null | grep -q "install ok installed" || missing="$$missing $$p"; \
	done; \
	if [ -n "$$missing" ]; then \
		echo "installing:$$missing"; \
		SUDO=""; [ "$$(id -u)" = 0 ] || SUDO=sudo; \
		$$SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y -qq --no-install-recommends $$missing >/dev/null; \
	fi

build: deps
	$(GO) build -trimpath -ldflags "$(LDFLAGS)" -o $(BIN) ./cmd/rabitiq-superoffice

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

lint:
	gofmt -l . | tee /dev/stderr | (! read)
	$(GO) vet ./...
	$(GO) run honnef.co/go/tools/cmd/staticcheck@2025.1.1 ./...

bench:
	$(GO) test -run '^$$' -bench . -benchmem ./...

clean:
	rm -rf bin dist testdata/out
