// In C: the GNU affinity calls and CPU_* macros are not visible to Swift.
#define _GNU_SOURCE
#include "CThreadStart.h"

#include <errno.h>
#include <pthread.h>
#include <sched.h>
#include <signal.h>
#include <stdlib.h>

/// What the new thread needs before it runs its work: the work, and the cores the process may
/// use, which it takes back once started (`widen`: when it was kept off one, to `elsewhere`).
struct start {
    void (*run)(void *context);
    void *context;
#ifdef __linux__
    cpu_set_t everywhere;
    cpu_set_t elsewhere;
    int widen;
#endif
};

static void *begin(void *argument) {
    struct start start = *(struct start *)argument;
    free(argument);
    // Signals are the first thread's: one delivered here, while the explorer sets the terminal
    // up, took the default action of a signal it handles a moment later, and left the terminal
    // without echo (QA 35, SIGQUIT).
    sigset_t all;
    sigfillset(&all);
    pthread_sigmask(SIG_BLOCK, &all, NULL);
#ifdef __linux__
    // Only as it was started: cores set from outside meanwhile (`taskset -a -p`) stay set
    // (QA 35: widened, the thread ran on a core taken away from the process).
    cpu_set_t now;
    if (start.widen && pthread_getaffinity_np(pthread_self(), sizeof now, &now) == 0 && CPU_EQUAL(&now, &start.elsewhere)) {
        pthread_setaffinity_np(pthread_self(), sizeof start.everywhere, &start.everywhere);
    }
#endif
    start.run(start.context);
    return NULL;
}

int seealso_thread_start_elsewhere(void (*run)(void *context), void *context) {
    struct start *start = malloc(sizeof *start);
    if (!start) {
        return ENOMEM;
    }
    start->run = run;
    start->context = context;
#ifdef __linux__
    start->widen = 0;
#endif
    pthread_attr_t attributes;
    if (pthread_attr_init(&attributes) != 0) {
        free(start);
        return ENOMEM;
    }
    pthread_attr_setdetachstate(&attributes, PTHREAD_CREATE_DETACHED);
#ifdef __linux__
    int here = sched_getcpu();
    if (here >= 0 && sched_getaffinity(0, sizeof start->everywhere, &start->everywhere) == 0
        && CPU_COUNT(&start->everywhere) > 1 && CPU_ISSET(here, &start->everywhere)) {
        start->elsewhere = start->everywhere;
        CPU_CLR(here, &start->elsewhere);
        start->widen = pthread_attr_setaffinity_np(&attributes, sizeof start->elsewhere, &start->elsewhere) == 0;
    }
#endif
    int failed = pthread_create(&(pthread_t){0}, &attributes, begin, start);
    pthread_attr_destroy(&attributes);
    if (failed) {
        free(start);
    }
    return failed;
}
