#ifndef SEEALSO_CNCURSESW_SHIM_H
#define SEEALSO_CNCURSESW_SHIM_H
/* Wide-character ncurses: without this define cchar_t, add_wch and get_wch are invisible. */
#define NCURSES_WIDECHAR 1
#include <ncurses.h>
#endif
