# bash completion for sesame (installed as share/bash-completion/completions/sesame by
# `cmake --install`; or `source` it). Plain bash: no bash-completion helper is needed.
# tests/cli/cli_completion.sh checks it against `sesame <command> --help`.

_sesame_options() {  # the options of a command
    case $1 in
        "phone normalize") echo "--region" ;;
        "phone audit") echo "--column --json --rows --csv --delimiter --encoding --lang" ;;
        "name key") echo "" ;;
        "name match") echo "--field" ;;
        "date parse") echo "--today" ;;
        "guardian match") echo "--directory --today --max-date-failures" ;;
        "login-id") echo "--taken" ;;
        "password check") echo "--policy --context --context-file --lang" ;;
        "password policy") echo "--policy --lang" ;;
        "demo") echo "--lang" ;;
    esac
}

_sesame() {
    local cur=${COMP_WORDS[COMP_CWORD]} prev=
    (( COMP_CWORD > 0 )) && prev=${COMP_WORDS[COMP_CWORD-1]}
    local first=${COMP_WORDS[1]:-} cmd=
    COMPREPLY=()
    if (( COMP_CWORD == 1 )); then
        COMPREPLY=($(compgen -W "phone name date guardian login-id password demo help --help --version" -- "$cur"))
        return
    fi
    case $first in
        phone) [[ $COMP_CWORD == 2 ]] && { COMPREPLY=($(compgen -W "normalize audit --help" -- "$cur")); return; } ;;
        name) [[ $COMP_CWORD == 2 ]] && { COMPREPLY=($(compgen -W "key match --help" -- "$cur")); return; } ;;
        date) [[ $COMP_CWORD == 2 ]] && { COMPREPLY=($(compgen -W "parse --help" -- "$cur")); return; } ;;
        guardian) [[ $COMP_CWORD == 2 ]] && { COMPREPLY=($(compgen -W "match --help" -- "$cur")); return; } ;;
        password) [[ $COMP_CWORD == 2 ]] && { COMPREPLY=($(compgen -W "check policy --help" -- "$cur")); return; } ;;
        help) COMPREPLY=($(compgen -W "phone name date guardian login-id password demo" -- "$cur")); return ;;
    esac
    case $first in
        phone|name|date|guardian|password) cmd="$first ${COMP_WORDS[2]}" ;;
        login-id|demo) cmd=$first ;;
        *) return ;;
    esac
    case $prev in
        --policy) COMPREPLY=($(compgen -W "portal cnil2022" -- "$cur")); return ;;
        --lang) COMPREPLY=($(compgen -W "fr en" -- "$cur")); return ;;
        --field) COMPREPLY=($(compgen -W "family given" -- "$cur")); return ;;
        --region) COMPREPLY=($(compgen -W "FR" -- "$cur")); return ;;
        --delimiter) COMPREPLY=($(compgen -W ", ; tab" -- "$cur")); return ;;
        --encoding) COMPREPLY=($(compgen -W "utf-8 windows-1252 utf-16le utf-16be" -- "$cur")); return ;;
        --today) COMPREPLY=($(compgen -W "$(date +%F)" -- "$cur")); return ;;
        --directory|--taken|--context-file|--csv) compopt -o filenames 2>/dev/null; COMPREPLY=($(compgen -f -- "$cur")); return ;;
        --column|--context|--max-date-failures) return ;;  # free values
    esac
    if [[ $cur == -* || $cmd != "phone audit" ]]; then
        COMPREPLY=($(compgen -W "$(_sesame_options "$cmd") --help" -- "$cur"))
    else  # the export (or - for standard input)
        compopt -o filenames 2>/dev/null
        COMPREPLY=($(compgen -f -- "$cur"))
    fi
}

complete -F _sesame sesame
