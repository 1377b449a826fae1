/*
 * native-uv: a stand-in for uv that starts in about a millisecond (the .NET fake takes ~50 ms),
 * for the hostile-input tests (tests/UvShim.Tests/Hostile). Compiled at test time with cc.
 *
 * NATIVE_UV_RECORD=<file>  write the record there (temporary file, then rename):
 *                            line 1: "pid=<pid> sigign=<SigIgn hex> tty=<0|1><0|1><0|1>\n"
 *                            then each argument after argv[0], each followed by one NUL byte
 * NATIVE_UV_PRINT=<text>   write <text> and "\n" to standard output
 * NATIVE_UV_SLEEP=<secs>   after recording, sleep (signal tests)
 * NATIVE_UV_RAISE=<sig>    then die of that signal (its default action), as a crashing or killed uv would
 * NATIVE_UV_EXIT=<n>       exit status (default 0)
 * The signal mask is read from /proc/self/status before anything else happens.
 */
#define _GNU_SOURCE
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <signal.h>
#include <sys/resource.h>

static void sig_ignored(char *out, size_t size)
{
    snprintf(out, size, "unknown");
    FILE *status = fopen("/proc/self/status", "r");
    if (status == NULL)
        return;
    char line[512];
    while (fgets(line, sizeof line, status) != NULL) {
        if (strncmp(line, "SigIgn:", 7) == 0) {
            char *value = line + 7;
            while (*value == ' ' || *value == '\t')
                value++;
            value[strcspn(value, "\r\n")] = '\0';
            snprintf(out, size, "%s", value);
            break;
        }
    }
    fclose(status);
}

int main(int argc, char **argv)
{
    char ignored[600];
    sig_ignored(ignored, sizeof ignored);

    const char *record = getenv("NATIVE_UV_RECORD");
    if (record != NULL && *record != '\0') {
        size_t length = strlen(record) + 32;
        char *temporary = malloc(length);
        snprintf(temporary, length, "%s.tmp%ld", record, (long)getpid());
        FILE *file = fopen(temporary, "wb");
        if (file == NULL) {
            perror("native-uv: cannot write the record");
            return 121;
        }
        fprintf(file, "pid=%ld sigign=%s tty=%d%d%d\n", (long)getpid(), ignored, isatty(0), isatty(1), isatty(2));
        for (int i = 1; i < argc; i++) {
            fwrite(argv[i], 1, strlen(argv[i]), file);
            fputc('\0', file);
        }
        if (fclose(file) != 0 || rename(temporary, record) != 0) {
            perror("native-uv: cannot write the record");
            return 121;
        }
        free(temporary);
    }

    const char *print = getenv("NATIVE_UV_PRINT");
    if (print != NULL) {
        printf("%s\n", print);
        fflush(stdout);
    }

    const char *sleep_for = getenv("NATIVE_UV_SLEEP");
    if (sleep_for != NULL && *sleep_for != '\0')
        sleep((unsigned)atoi(sleep_for));

    const char *raise_signal = getenv("NATIVE_UV_RAISE");
    if (raise_signal != NULL && *raise_signal != '\0') {
        struct rlimit no_core = {0, 0};
        setrlimit(RLIMIT_CORE, &no_core);
        signal(atoi(raise_signal), SIG_DFL);
        raise(atoi(raise_signal));
    }

    const char *exit_code = getenv("NATIVE_UV_EXIT");
    return exit_code != NULL && *exit_code != '\0' ? atoi(exit_code) : 0;
}
