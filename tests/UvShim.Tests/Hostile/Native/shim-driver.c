/*
 * shim-driver: runs a program once per line of a cases file, as a shell would, and reports how each
 * run ended. For the hostile-input tests (tests/UvShim.Tests/Hostile); compiled at test time with cc.
 *
 *   shim-driver <program> <cases file> <output directory>
 *
 * A case line: "<id> <exit> <signal> <argument>...\n", each argument written as 'x' followed by its bytes
 * in hex (so "x" alone is the empty argument, and any byte but NUL can be passed). For each case the
 * driver forks; the child resets every signal to its default disposition (as a login shell starts),
 * takes stdin from /dev/null, stdout and stderr from <dir>/<id>.out and <dir>/<id>.err, sets
 * NATIVE_UV_RECORD=<dir>/<id>.rec and NATIVE_UV_EXIT=<exit>, and execs <program> with argv[0] = <program>.
 * With a signal other than 0, the driver waits for <dir>/<id>.rec to appear (the program has handed
 * over to native-uv, which sleeps), then sends the signal to the PID it forked.
 * It writes "<id> <pid> <raw wait status>\n" to stdout for each case, and "start <id>\n" before it.
 */
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/types.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

static int hex(int c)
{
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'a' && c <= 'f') return c - 'a' + 10;
    if (c >= 'A' && c <= 'F') return c - 'A' + 10;
    return -1;
}

static char *decode(const char *field)
{
    size_t length = strlen(field);
    if (length == 0 || field[0] != 'x' || (length - 1) % 2 != 0) {
        fprintf(stderr, "shim-driver: bad argument field '%s'\n", field);
        exit(120);
    }
    char *bytes = malloc((length - 1) / 2 + 1);
    size_t n = 0;
    for (size_t i = 1; i < length; i += 2) {
        int high = hex(field[i]), low = hex(field[i + 1]);
        if (high < 0 || low < 0 || (high == 0 && low == 0)) {
            fprintf(stderr, "shim-driver: bad argument field '%s'\n", field);
            exit(120);
        }
        bytes[n++] = (char)(high * 16 + low);
    }
    bytes[n] = '\0';
    return bytes;
}

static char *path_in(const char *directory, const char *id, const char *suffix)
{
    size_t length = strlen(directory) + strlen(id) + strlen(suffix) + 3;
    char *path = malloc(length);
    snprintf(path, length, "%s/%s%s", directory, id, suffix);
    return path;
}

static void redirect(const char *path, int fd, int flags)
{
    int opened = open(path, flags, 0644);
    if (opened < 0 || dup2(opened, fd) < 0) {
        perror(path);
        _exit(122);
    }
    close(opened);
}

int main(int argc, char **argv)
{
    if (argc != 4) {
        fprintf(stderr, "usage: shim-driver <program> <cases file> <output directory>\n");
        return 120;
    }
    const char *program = argv[1];
    FILE *cases = fopen(argv[2], "r");
    if (cases == NULL) {
        perror(argv[2]);
        return 120;
    }
    const char *directory = argv[3];
    setvbuf(stdout, NULL, _IOLBF, 0);

    char *line = NULL;
    size_t capacity = 0;
    while (getline(&line, &capacity, cases) > 0) {
        line[strcspn(line, "\n")] = '\0';
        size_t line_length = strlen(line);
        char *save = NULL;
        char *id = strtok_r(line, " ", &save);
        char *exit_code = strtok_r(NULL, " ", &save);
        char *signal_text = strtok_r(NULL, " ", &save);
        if (id == NULL || exit_code == NULL || signal_text == NULL)
            continue;
        int signal_number = atoi(signal_text);
        char **child_argv = calloc(line_length / 2 + 3, sizeof(char *));
        int count = 0;
        child_argv[count++] = (char *)program;
        for (char *field = strtok_r(NULL, " ", &save); field != NULL; field = strtok_r(NULL, " ", &save))
            child_argv[count++] = decode(field);
        child_argv[count] = NULL;

        char *record = path_in(directory, id, ".rec");
        printf("start %s\n", id);
        pid_t pid = fork();
        if (pid < 0) {
            perror("fork");
            return 123;
        }
        if (pid == 0) {
            for (int s = 1; s < NSIG; s++) {
                if (s != SIGKILL && s != SIGSTOP)
                    signal(s, SIG_DFL);
            }
            sigset_t none;
            sigemptyset(&none);
            sigprocmask(SIG_SETMASK, &none, NULL);
            redirect("/dev/null", 0, O_RDONLY);
            redirect(path_in(directory, id, ".out"), 1, O_WRONLY | O_CREAT | O_TRUNC);
            redirect(path_in(directory, id, ".err"), 2, O_WRONLY | O_CREAT | O_TRUNC);
            setenv("NATIVE_UV_RECORD", record, 1);
            setenv("NATIVE_UV_EXIT", exit_code, 1);
            execv(program, child_argv);
            perror(program);
            _exit(127);
        }
        if (signal_number != 0) {
            struct stat st;
            struct timespec pause = {0, 5 * 1000 * 1000};
            for (int waited = 0; waited < 6000 && stat(record, &st) != 0; waited++)
                nanosleep(&pause, NULL);
            kill(pid, signal_number);
        }
        int status = 0;
        while (waitpid(pid, &status, 0) < 0 && errno == EINTR) {
        }
        printf("%s %ld %d\n", id, (long)pid, status);
        for (int i = 1; i < count; i++)
            free(child_argv[i]);
        free(child_argv);
        free(record);
    }
    free(line);
    fclose(cases);
    return 0;
}
