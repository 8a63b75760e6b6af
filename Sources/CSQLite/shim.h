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

/// The connection's main database file as SQLite holds it open (its own descriptor: opening
/// and closing another one on the file would drop this process's POSIX locks on it, SQLite's
/// with them), or 0 when it has none.
static inline sqlite3_file *seealso_sqlite_main_file(sqlite3 *db) {
    sqlite3_file *file = 0;
    if (sqlite3_file_control(db, "main", SQLITE_FCNTL_FILE_POINTER, &file) != SQLITE_OK || !file || !file->pMethods) {
        return 0;
    }
    return file;
}

/// `count` bytes of the connection's main database file from `offset`, read through the file
/// SQLite holds open (`seealso_sqlite_main_file`). Bytes past the end of the file are zeros.
/// SQLITE_OK, SQLITE_IOERR_SHORT_READ for a shorter file, or another error.
static inline int seealso_sqlite_read_main_file_at(sqlite3 *db, void *buffer, int count, sqlite3_int64 offset) {
    sqlite3_file *file = seealso_sqlite_main_file(db);
    return file ? file->pMethods->xRead(file, buffer, count, offset) : SQLITE_ERROR;
}

/// The first `count` bytes (`seealso_sqlite_read_main_file_at`).
static inline int seealso_sqlite_read_main_file(sqlite3 *db, void *buffer, int count) {
    return seealso_sqlite_read_main_file_at(db, buffer, count, 0);
}

/// The size of the connection's main database file, through the descriptor SQLite holds.
static inline int seealso_sqlite_main_file_size(sqlite3 *db, sqlite3_int64 *size) {
    sqlite3_file *file = seealso_sqlite_main_file(db);
    return file ? file->pMethods->xFileSize(file, size) : SQLITE_ERROR;
}

/// What the connection's WAL index (`-shm`) says of the last commit and checkpoint, read
/// through the mapping SQLite holds (its `xShmMap`: opening the file again would drop this
/// process's locks on it): the index header (48 bytes: the last frame committed, a counter of
/// transactions, the salts of the WAL) and the checkpoint's progress (`nBackfill`,
/// `nBackfillAttempted`). Any commit or checkpoint, by any connection, changes them
/// (https://sqlite.org/walformat.html). `out` takes 56 bytes. SQLITE_OK, or an error when the
/// database has no WAL index (not in WAL mode).
static inline int seealso_sqlite_wal_index_state(sqlite3 *db, unsigned char *out) {
    sqlite3_file *file = seealso_sqlite_main_file(db);
    if (!file || file->pMethods->iVersion < 2 || !file->pMethods->xShmMap) return SQLITE_ERROR;
    volatile void *region = 0;
    int status = file->pMethods->xShmMap(file, 0, 32768, 0, &region);
    if (status != SQLITE_OK) return status;
    if (!region) return SQLITE_ERROR;
    const volatile unsigned char *index = (const volatile unsigned char *)region;
    for (int i = 0; i < 48; i++) out[i] = index[i];
    for (int i = 0; i < 4; i++) out[48 + i] = index[96 + i];   /* nBackfill */
    for (int i = 0; i < 4; i++) out[52 + i] = index[128 + i];  /* nBackfillAttempted */
    return SQLITE_OK;
}
#endif
