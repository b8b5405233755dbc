# Sourced by tests/cli/run.sh: the manual page (docs/man/sesame.1) and the bash completion
# (tools/sesame/completion/sesame.bash) know every command and option of `sesame --help`.
man_page="$here/../../docs/man/sesame.1"
completion="$here/../../tools/sesame/completion/sesame.bash"
warnings=$(groff -man -Tutf8 -ww -z "$man_page" 2>&1)
[ -z "$warnings" ] && pass=$((pass+1)) || { fail=$((fail+1)); echo "FAIL man-renders: $warnings"; }
commands=$("$bin" --help | sed -n '/^Commands:/,/^$/p' | sed -n 's/^  \([a-z-]*\( [a-z]*\)\?\)  .*/\1/p' | sed 's/ *$//')
[ "$(printf '%s\n' "$commands" | wc -l)" -ge 10 ] && pass=$((pass+1)) || { fail=$((fail+1)); echo "FAIL man-commands: $commands"; }
complete_words() {  # complete_words WORD... (the last one being completed): COMPREPLY
    bash -c 'source "$1"; shift; COMP_WORDS=("$@"); COMP_CWORD=$(($# - 1)); _sesame; echo "${COMPREPLY[*]}"' _ "$completion" "$@"
}
while IFS= read -r c; do
    grep -q "^\.SS \"$c\( \|\"\)" "$man_page" && pass=$((pass+1)) || { fail=$((fail+1)); echo "FAIL man-command: '$c' has no section"; }
    options=$("$bin" $c --help | head -3 | grep -oE -- '--[a-z][a-z-]*' | sort -u)
    # shellcheck disable=SC2086
    offered=" $(complete_words sesame $c --) "
    for o in $options; do
        section=$(sed -n "/^\.SS \"$c[ \"]/,/^\.S[SH] /p" "$man_page" | sed 's/\\-/-/g')
        printf '%s' "$section" | grep -qE -- "^\.(B|BI|BR) +$o( |$)" && pass=$((pass+1)) \
            || { fail=$((fail+1)); echo "FAIL man-option: $c $o is not in its section"; }
        case "$offered" in *" $o "*) pass=$((pass+1)) ;; *) fail=$((fail+1)); echo "FAIL completion-option: $c $o not offered ($offered)" ;; esac
    done
done <<< "$commands"
[ "$(complete_words sesame '')" = "phone name date guardian login-id password demo help --help --version" ] && pass=$((pass+1)) \
    || { fail=$((fail+1)); echo "FAIL completion-top: $(complete_words sesame '')"; }
[ "$(complete_words sesame password '')" = "check policy --help" ] && pass=$((pass+1)) || { fail=$((fail+1)); echo "FAIL completion-password"; }
[ "$(complete_words sesame password check --policy '')" = "portal cnil2022" ] && pass=$((pass+1)) || { fail=$((fail+1)); echo "FAIL completion-policy"; }
[ "$(complete_words sesame phone audit x.csv --lang '')" = "fr en" ] && pass=$((pass+1)) || { fail=$((fail+1)); echo "FAIL completion-lang"; }
[ "$(complete_words sesame phone audit x.csv --encoding utf-1)" = "utf-16le utf-16be" ] && pass=$((pass+1)) || { fail=$((fail+1)); echo "FAIL completion-encoding"; }
[ "$(complete_words sesame name match --field g)" = "given" ] && pass=$((pass+1)) || { fail=$((fail+1)); echo "FAIL completion-field"; }
