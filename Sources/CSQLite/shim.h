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

static inline int seealso_sqlite_ioerr_short_read(void) {
    return SQLITE_IOERR_SHORT_READ;
}

/// `sqlite3_db_config` is variadic, which Swift cannot call. Without the checkpoint SQLite
/// makes when the last connection to a file closes, closing writes nothing to the file, and
/// leaves its -wal and -shm where they are (SQLite removes them only after that checkpoint).
static inline int seealso_sqlite_no_checkpoint_on_close(sqlite3 *db) {
    return sqlite3_db_config(db, SQLITE_DBCONFIG_NO_CKPT_ON_CLOSE, 1, (int *)0);
}

/// The first `count` bytes of the connection's main database file, read through the file
/// SQLite holds open (its own descriptor: opening and closing another one on the file would
/// drop this process's POSIX locks on it, SQLite's with them). Bytes past the end of the file
/// are zeros. SQLITE_OK, SQLITE_IOERR_SHORT_READ for a shorter file, or another error.
static inline int seealso_sqlite_read_main_file(sqlite3 *db, void *buffer, int count) {
    sqlite3_file *file = 0;
    if (sqlite3_file_control(db, "main", SQLITE_FCNTL_FILE_POINTER, &file) != SQLITE_OK || !file || !file->pMethods) {
        return SQLITE_ERROR;
    }
    return file->pMethods->xRead(file, buffer, count, 0);
}
#endif
