#ifndef SEEALSO_CNCURSESW_SHIM_H
#define SEEALSO_CNCURSESW_SHIM_H
/* Wide-character ncurses: without this define cchar_t, add_wch and get_wch are invisible. */
#define NCURSES_WIDECHAR 1
#include <ncurses.h>
#include <stdio.h>
#include <wchar.h>
#include <langinfo.h>
#include <unistd.h>
#include <sys/ioctl.h>
#include <signal.h>

/*
 * Swift imports only simple literal macros. Everything below is a macro built from
 * expressions or casts (or a C global Swift 6 flags as not concurrency-safe), so it is
 * re-exported as a tiny inline function. Only CursesBackend.swift uses these.
 */

/* Attributes (NCURSES_BITS expressions). */
static inline attr_t seealso_attr_bold(void) { return A_BOLD; }
static inline attr_t seealso_attr_reverse(void) { return A_REVERSE; }
static inline attr_t seealso_attr_underline(void) { return A_UNDERLINE; }
static inline attr_t seealso_attr_dim(void) { return A_DIM; }
static inline attr_t seealso_attr_standout(void) { return A_STANDOUT; }

/* getmaxyx is a macro that assigns to its arguments. */
static inline int seealso_rows(const WINDOW *window) { int rows, cols; getmaxyx(window, rows, cols); (void)cols; return rows; }
static inline int seealso_cols(const WINDOW *window) { int rows, cols; getmaxyx(window, rows, cols); (void)rows; return cols; }

/* Globals that Swift 6 would treat as shared mutable state. */
static inline int seealso_lines(void) { return LINES; }
static inline int seealso_columns(void) { return COLS; }
static inline int seealso_colors(void) { return COLORS; }
static inline int seealso_color_pairs(void) { return COLOR_PAIRS; }
static inline FILE *seealso_stdin(void) { return stdin; }
static inline FILE *seealso_stdout(void) { return stdout; }

/* Mouse masks (NCURSES_MOUSE_MASK expressions). */
static inline mmask_t seealso_button1_pressed(void) { return BUTTON1_PRESSED; }
static inline mmask_t seealso_button4_pressed(void) { return BUTTON4_PRESSED; }
static inline mmask_t seealso_button5_pressed(void) { return BUTTON5_PRESSED; }
static inline mmask_t seealso_all_mouse_events(void) { return ALL_MOUSE_EVENTS; }
static inline mmask_t seealso_report_mouse_position(void) { return REPORT_MOUSE_POSITION; }

/* The real-time signals' range: glibc's SIGRTMIN and SIGRTMAX are function calls. */
static inline int seealso_signal_realtime_min(void) { return SIGRTMIN; }
static inline int seealso_signal_realtime_max(void) { return SIGRTMAX; }

/* Function keys: KEY_F(n) takes an argument. */
static inline int seealso_key_f(int n) { return KEY_F(n); }

/*
 * wcwidth is declared by <wchar.h> only under _XOPEN_SOURCE, which SwiftPM will not pass.
 * The backend asks it how ncurses will size a cell (ncurses itself uses wcwidth), so the
 * screen model and the terminal agree even where the Swift width table differs.
 */
extern int wcwidth(wchar_t c);
static inline int seealso_wcwidth(wchar_t c) { return wcwidth(c); }

/* The terminal's size as the kernel has it now (ioctl is variadic: Swift cannot call it). */
static inline int seealso_terminal_size(int fd, int *rows, int *columns) {
    struct winsize size;
    if (ioctl(fd, TIOCGWINSZ, &size) != 0 || size.ws_row == 0 || size.ws_col == 0) return -1;
    *rows = size.ws_row;
    *columns = size.ws_col;
    return 0;
}

/*
 * Copies what was written to `from` (a file, from its start) to `to`, then closes `from`.
 * In C because it runs in signal handlers: only read, write, lseek and close, on a buffer
 * on the stack, all async-signal-safe.
 */
static inline void seealso_replay(int from, int to) {
    char buffer[512];
    ssize_t count;
    if (lseek(from, 0, SEEK_SET) < 0) { close(from); return; }
    while ((count = read(from, buffer, sizeof buffer)) > 0) {
        ssize_t done = 0;
        while (done < count) {
            ssize_t written = write(to, buffer + done, (size_t)(count - done));
            if (written <= 0) { close(from); return; }
            done += written;
        }
    }
    close(from);
}

/* A string capability of the terminal's terminfo entry, or NULL when it has none (tigetstr
 * returns (char *)-1 for a name that is not a string capability). */
static inline const char *seealso_string_capability(const char *name) {
    char *value = tigetstr(name);
    return (value == NULL || value == (char *)-1) ? NULL : value;
}

/* Whether the terminfo entry has boolean capability `name`. */
static inline int seealso_flag_capability(const char *name) { return tigetflag(name) > 0; }

/* DECSTBM with no parameters: the whole screen becomes the scroll region again. A plain
 * write, as it runs in signal handlers. */
static inline void seealso_reset_scroll_region(int fd) {
    ssize_t written = write(fd, "\033[r", 3);
    (void)written;
}

/* Bracketed paste on or off (xterm's mode 2004): a paste then arrives between ESC [ 200 ~ and
   ESC [ 201 ~, as text, not as keys. write(2) only: called from signal handlers too. */
static inline void seealso_bracketed_paste(int fd, int on) {
    ssize_t written = on ? write(fd, "\033[?2004h", 8) : write(fd, "\033[?2004l", 8);
    (void)written;
}

/* SGR mouse reports on or off (xterm's mode 1006): a report is `ESC [ < b;x;y M`, in decimal,
   where an X10 report's bytes stop at column 223 (tmux and screen, whose terminfo entries have
   kmous=\E[M, so ncurses asks for X10 reports only). write(2) only: called from signal
   handlers too. */
static inline void seealso_sgr_mouse(int fd, int on) {
    ssize_t written = on ? write(fd, "\033[?1006h", 8) : write(fd, "\033[?1006l", 8);
    (void)written;
}

/* Mouse press and release reports on or off (xterm's mode 1000), for a terminfo entry without
   kmous, where ncurses asks for none. write(2) only: called from signal handlers too. */
static inline void seealso_mouse_reports(int fd, int on) {
    ssize_t written = on ? write(fd, "\033[?1000h", 8) : write(fd, "\033[?1000l", 8);
    (void)written;
}

/* nl_langinfo(CODESET) as a plain call, to check that setlocale picked a UTF-8 codeset. */
static inline const char *seealso_codeset(void) { return nl_langinfo(CODESET); }

#endif
