/*
 * The few glibc-only symbols that Debian's libstdc++.so.6 and libgcc_s.so.1 take from glibc, for musl: with them,
 * musl's loader can run the .NET runtime of the linux-musl-x64 package (built for Alpine, whose libstdc++ and libgcc
 * Debian does not have) on this machine. Built with musl-gcc as a library named ld-linux-x86-64.so.2, the one name
 * in libstdc++'s NEEDED list that musl does not take as itself (libc.so.6 and libm.so.6 it does). Test code only.
 */
#define _GNU_SOURCE
#include <link.h>
#include <locale.h>
#include <pthread.h>
#include <stdint.h>
#include <stdlib.h>
#include <sys/random.h>
#include <time.h>

/* 0: "not known to be single-threaded", so libstdc++ keeps its atomic reference counts. */
char __libc_single_threaded = 0;

size_t __strftime_l(char *s, size_t n, const char *format, const struct tm *tm, locale_t locale)
{
    return strftime_l(s, n, format, tm, locale);
}

uint32_t arc4random(void)
{
    uint32_t value = 0;
    while (getrandom(&value, sizeof value, 0) != sizeof value) {
    }
    return value;
}

/* thread_local destructors: run at thread exit through a pthread key, as glibc runs them. */
struct destructor { void (*run)(void *); void *object; struct destructor *next; };
static pthread_key_t destructors;
static pthread_once_t destructors_once = PTHREAD_ONCE_INIT;

static void run_destructors(void *head)
{
    for (struct destructor *d = head, *next; d; d = next) {
        next = d->next;
        d->run(d->object);
        free(d);
    }
}

static void make_key(void) { pthread_key_create(&destructors, run_destructors); }

int __cxa_thread_atexit_impl(void (*run)(void *), void *object, void *dso)
{
    (void)dso;
    pthread_once(&destructors_once, make_key);
    struct destructor *d = malloc(sizeof *d);
    if (!d)
        return -1;
    d->run = run;
    d->object = object;
    d->next = pthread_getspecific(destructors);
    pthread_setspecific(destructors, d);
    return 0;
}

/* glibc 2.35's _dl_find_object (x86_64 layout: no eh_dbase, no eh_count), which libgcc_s's unwinder asks for the
 * object holding a PC; answered from dl_iterate_phdr. */
struct dl_find_object {
    unsigned long long flags;
    void *map_start;
    void *map_end;
    void *link_map;
    void *eh_frame;
    unsigned long long reserved[7];
};

struct query { uintptr_t pc; struct dl_find_object *result; int found; };

static int visit(struct dl_phdr_info *info, size_t size, void *data)
{
    (void)size;
    struct query *q = data;
    uintptr_t low = UINTPTR_MAX, high = 0;
    void *eh_frame = NULL;
    int inside = 0;
    for (int i = 0; i < info->dlpi_phnum; i++) {
        const ElfW(Phdr) *p = &info->dlpi_phdr[i];
        uintptr_t start = info->dlpi_addr + p->p_vaddr;
        if (p->p_type == PT_LOAD) {
            if (start < low)
                low = start;
            if (start + p->p_memsz > high)
                high = start + p->p_memsz;
            if (q->pc >= start && q->pc < start + p->p_memsz)
                inside = 1;
        } else if (p->p_type == PT_GNU_EH_FRAME) {
            eh_frame = (void *)start;
        }
    }
    if (!inside)
        return 0;
    q->result->flags = 0;
    q->result->map_start = (void *)low;
    q->result->map_end = (void *)high;
    q->result->link_map = NULL;
    q->result->eh_frame = eh_frame;
    q->found = 1;
    return 1;
}

int _dl_find_object(void *pc, struct dl_find_object *result)
{
    struct query q = { (uintptr_t)pc, result, 0 };
    dl_iterate_phdr(visit, &q);
    return q.found ? 0 : -1;
}

/* libgcc_s refers to its own __cpu_model under a hidden symbol version, which musl's loader does not bind. */
struct cpu_model { unsigned int vendor, type, subtype, features[1]; } __cpu_model;
unsigned int __cpu_features2[1];
int __cpu_indicator_init(void) { return 0; }
