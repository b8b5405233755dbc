/* A consumer of the installed Sesame: checks header/library agreement and the error model. */
#include <sesame.h>
#include <stdio.h>
#include <string.h>

int main(void) {
    size_t len = 0;
    char buf[256];
    if (sesame_version_number() / 10000 != SESAME_VERSION_MAJOR) {
        fprintf(stderr, "header/library major mismatch\n");
        return 1;
    }
    if (sesame_init() != SESAME_OK) return 1;
    if (sesame_build_info(NULL, 0, &len) != SESAME_E_BUFFER_TOO_SMALL || len == 0) return 1;
    if (sesame_build_info(buf, sizeof buf, &len) != SESAME_OK || strncmp(buf, "sesame ", 7) != 0) return 1;
    if (sesame_build_info(buf, sizeof buf, NULL) != SESAME_E_INVALID_ARGUMENT) return 1;
    if (strlen(sesame_last_error_message()) == 0) return 1;
    printf("consumer: %s\n", buf);
    return 0;
}
