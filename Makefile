# seealso: build, test, install.
#
#   make build                       release binary (fully static), man page, completions
#   make test                        swift test
#   make install PREFIX=/usr/local   build, then install (PREFIX defaults to /usr/local; DESTDIR works)
#                                    the binary, man page, completions and README.md, the user
#                                    guide --help and the man page point to, in share/doc/seealso
#   make uninstall PREFIX=/usr/local
#
# `sudo make install` builds as root; to build as yourself: `make build && sudo make install-files`.
# `make install-files BIN=path/to/seealso` installs an already-built binary without building
# (the tests do this with their debug build); the man page tool is taken from BIN's folder.

PREFIX ?= /usr/local
DESTDIR ?=
SWIFT ?= swift
SCRATCH ?= .build
BIN ?= $(SCRATCH)/release/seealso
MANPAGE_TOOL ?= $(dir $(BIN))seealso-manpage
# Generated man page and completion scripts.
DIST ?= $(SCRATCH)/dist
DATE ?= $(shell git log -1 --format=%cs 2>/dev/null || date +%Y-%m-%d)
# `install -s` strips the binary (64 MB instead of 91 for the static release build); STRIP= keeps symbols.
STRIP ?= -s

BINDIR = $(DESTDIR)$(PREFIX)/bin
MANDIR = $(DESTDIR)$(PREFIX)/share/man/man1
BASHDIR = $(DESTDIR)$(PREFIX)/share/bash-completion/completions
ZSHDIR = $(DESTDIR)$(PREFIX)/share/zsh/site-functions
FISHDIR = $(DESTDIR)$(PREFIX)/share/fish/vendor_completions.d
DOCDIR = $(DESTDIR)$(PREFIX)/share/doc/seealso

.PHONY: all build release static-flags dist test install install-files uninstall

all: build

build: release
	$(MAKE) dist

# The installed binary is fully static: it needs no Swift runtime beside it, and it starts
# without the dynamic loader's work (symbol lookups and relocations for ncurses, SQLite and
# libstdc++): 10.4 -> 7.6 ms to the first frame on a pty (scripts/bench-tui.sh times it).
# ncursesw's archive uses tinfo's, so both are named last, in that order. It uses the C.UTF-8
# locale built into glibc when the system's locale archive cannot be read.
STATIC_FLAGS = --static-swift-stdlib -Xswiftc -static-executable -Xlinker -lncursesw -Xlinker -ltinfo

release:
	$(SWIFT) build -c release $(STATIC_FLAGS) --scratch-path "$(SCRATCH)" --product seealso
	$(SWIFT) build -c release $(STATIC_FLAGS) --scratch-path "$(SCRATCH)" --product seealso-manpage

# For scripts/bench-tui.sh, which times the binary as `make build` makes it.
static-flags:
	@echo $(STATIC_FLAGS)

# The man page and completions come from the binary's own command definitions.
dist:
	mkdir -p "$(DIST)"
	"$(BIN)" --experimental-dump-help > "$(DIST)/help.json"
	"$(MANPAGE_TOOL)" --version "$$("$(BIN)" --version)" --date "$(DATE)" < "$(DIST)/help.json" > "$(DIST)/seealso.1"
	"$(BIN)" --generate-completion-script bash > "$(DIST)/seealso.bash"
	"$(BIN)" --generate-completion-script zsh > "$(DIST)/_seealso"
	"$(BIN)" --generate-completion-script fish > "$(DIST)/seealso.fish"
	rm -f "$(DIST)/help.json"

test:
	$(SWIFT) test

install: build
	$(MAKE) install-files

install-files: dist
	install -d "$(BINDIR)" "$(MANDIR)" "$(BASHDIR)" "$(ZSHDIR)" "$(FISHDIR)" "$(DOCDIR)"
	install -m 755 $(STRIP) "$(BIN)" "$(BINDIR)/seealso"
	install -m 644 "$(DIST)/seealso.1" "$(MANDIR)/seealso.1"
	install -m 644 "$(DIST)/seealso.bash" "$(BASHDIR)/seealso"
	install -m 644 "$(DIST)/_seealso" "$(ZSHDIR)/_seealso"
	install -m 644 "$(DIST)/seealso.fish" "$(FISHDIR)/seealso.fish"
	install -m 644 README.md "$(DOCDIR)/README.md"

# share/doc/seealso is seealso's own folder: removed too, unless something else was put in it.
uninstall:
	rm -f "$(BINDIR)/seealso" "$(MANDIR)/seealso.1" "$(BASHDIR)/seealso" "$(ZSHDIR)/_seealso" "$(FISHDIR)/seealso.fish" "$(DOCDIR)/README.md"
	rmdir "$(DOCDIR)" 2>/dev/null || true
