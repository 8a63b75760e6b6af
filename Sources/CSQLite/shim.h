#ifndef SEEALSO_CSQLITE_SHIM_H
#define SEEALSO_CSQLITE_SHIM_H
#include <sqlite3.h>

/// SQLITE_TRANSIENT is a macro casting -1 to a function pointer, which Swift cannot import.
/// Binding text or blobs with it makes SQLite copy the bytes before the bind call returns,
/// so Swift's temporary buffers may go away right after.
static inline sqlite3_destructor_type seealso_sqlite_transient(void) {
    return SQLITE_TRANSIENT;
}

/// Extended result codes are macros built from others (`SQLITE_IOERR | (19<<8)`), which Swift
/// does not import either.
static inline int seealso_sqlite_ioerr_shmsize(void) {
    return SQLITE_IOERR_SHMSIZE;
}
#endif
