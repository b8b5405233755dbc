/* The password peer of bench/cli_bench.sh: what a competent engineer writes to rate a file of
 * passwords with zxcvbn-c (Debian libzxcvbn-dev, built-in dictionaries). One line in, one line out:
 * "<entropy bits> <score 0-4>" (score from guesses = 2^entropy with zxcvbn's 1e3/1e6/1e8/1e10). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <zxcvbn.h>

int main(void) {
    char *line = NULL;
    size_t cap = 0;
    ssize_t n;
    while ((n = getline(&line, &cap, stdin)) != -1) {
        if (n > 0 && line[n - 1] == '\n') line[--n] = '\0';
        const double bits = ZxcvbnMatch(line, NULL, NULL);
        const double lg10 = bits * 0.30102999566398120; /* log10(2^bits) */
        const int score = lg10 < 3 ? 0 : lg10 < 6 ? 1 : lg10 < 8 ? 2 : lg10 < 10 ? 3 : 4;
        printf("%.2f %d\n", bits, score);
    }
    free(line);
    return 0;
}
