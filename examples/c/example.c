/* Sesame from C99: version check, initialisation, the size-query convention, the error model. */
#include <sesame.h>
#include <stdio.h>
#include <stdlib.h>

int main(void) {
    size_t len = 0;
    char *info;
    sesame_status st;

    if (sesame_version_number() / 10000 != SESAME_VERSION_MAJOR) {
        fprintf(stderr, "libsesame %s does not match the headers %s\n", sesame_version_string(), SESAME_VERSION_STRING);
        return 1;
    }
    if (sesame_init() != SESAME_OK) {
        fprintf(stderr, "sesame_init: %s\n", sesame_last_error_message());
        return 1;
    }
    /* Size query, then fill. */
    st = sesame_build_info(NULL, 0, &len);
    if (st != SESAME_E_BUFFER_TOO_SMALL) return 1;
    info = malloc(len + 1);
    if (info == NULL) return 1;
    st = sesame_build_info(info, len + 1, &len);
    if (st != SESAME_OK) {
        fprintf(stderr, "%s: %s\n", sesame_status_str(st), sesame_last_error_message());
        free(info);
        return 1;
    }
    printf("C example: %s\n", info);
    free(info);

    /* The error model: a failing status, its static message and the thread-local detail. */
    st = sesame_build_info(NULL, 0, NULL);
    printf("C example: a NULL out_len gives %s (%s): %s\n", sesame_status_name(st), sesame_status_str(st),
           sesame_last_error_message());
    return st == SESAME_E_INVALID_ARGUMENT ? 0 : 1;
}
