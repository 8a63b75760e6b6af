#ifndef SEEALSO_CTHREADSTART_H
#define SEEALSO_CTHREADSTART_H

/// Runs `run(context)` on a new, detached thread that starts on another core than the calling
/// thread's, when the process may use another, and may then run on any core it may use.
///
/// Linux may queue a new thread on the core of the thread that made it, where it waits until
/// that thread blocks or the next load balance: on a 2-core VM, a thread made while its maker
/// kept working started 3.5 to 4 ms late every second time (a scheduler tick at HZ=250),
/// against 0.03 ms when it could not start on the maker's core.
///
/// The thread blocks every signal: they are for the thread that handles them.
///
/// Returns 0, or the error `pthread_create` gave (no thread was made).
int seealso_thread_start_elsewhere(void (*run)(void *context), void *context);

#endif
