# Sourced by tests/cli/run.sh: the CLI answers misuse as people expect (issue 19) and never repeats
# an argument it did not understand (issue 17): it names its position.
check bare 2 "$bin"
[ -z "$out" ] && pass=$((pass+1)) || { fail=$((fail+1)); echo "FAIL bare: the help went to stdout"; }
expect_err bare-help 'Usage: sesame .*<command>'
check help-stdout 0 "$bin" --help;           expect help-lists-policy 'password policy'
check help-word 0 "$bin" help;               expect help-word 'Usage: sesame'
check help-command 0 "$bin" help phone audit; expect help-command '^Usage: sesame phone audit FILE.csv'
# A group without its subcommand lists the subcommands, on stderr, status 2.
for g in phone name date guardian password; do
    check "group-$g" 2 "$bin" $g
    [ -z "$out" ] && pass=$((pass+1)) || { fail=$((fail+1)); echo "FAIL group-$g: stdout not empty"; }
    expect_err "group-$g-lists" "^  [a-z]+ +"
done
expect_err group-password-check '^  check '
expect_err group-password-policy '^  policy '
check group-help 0 "$bin" phone --help;      expect group-help '^  normalize .*\n?' 
expect group-help-audit '^  audit '
# An unknown subcommand or command: the closest is suggested, the word itself is not repeated.
check sub-typo 2 "$bin" phone normalise
expect_err sub-typo "argument 2 is not a subcommand of 'phone'; did you mean 'sesame phone normalize'\?"
expect_not sub-typo-no-echo normalise
check cmd-typo 2 "$bin" pasword check
expect_err cmd-typo "argument 1 is not a command; did you mean 'sesame password check'\?"
expect_not cmd-typo-no-echo pasword
check cmd-sub-alone 2 "$bin" normalize
expect_err cmd-sub-alone "did you mean 'sesame phone normalize'\?"
check cmd-unknown 2 "$bin" Secret123x
expect_err cmd-unknown 'argument 1 is not a command'
expect_not cmd-unknown-no-echo Secret123x
# Issue 17: a password typed on the command line is named by its position, never printed.
check argv-password 2 "$bin" password check 'Tr0ub4dor&3'
expect_err argv-password "argument 3 is not an option of 'password check' \(its options: --policy, --context, --context-file, --lang\)"
expect_not argv-password-no-echo 'Tr0ub4dor&3'
check argv-password-option 2 "$bin" password check --frobnicate='Tr0ub4dor&3'
expect_not argv-password-option-no-echo 'Tr0ub4dor'
expect_err argv-password-option 'argument 3 is not an option'
check argv-policy-value 2 "$bin" password check --policy 'Tr0ub4dor&3'
expect_err argv-policy-value 'the value of --policy \(argument 4\) is not a known policy'
expect_not argv-policy-value-no-echo 'Tr0ub4dor&3'
check argv-lang-value 2 "$bin" password check --lang='Tr0ub4dor&3'
expect_not argv-lang-value-no-echo 'Tr0ub4dor&3'
check argv-needs-value 2 "$bin" password check --context
expect_err argv-needs-value 'option --context \(argument 3\) needs a value'
for c in "phone normalize" "name key" "name match --field family" "date parse --today 2026-09-01" "login-id" "demo"; do
    # shellcheck disable=SC2086
    check "argv-extra-$c" 2 "$bin" $c 'Tr0ub4dor&3'
    expect_not "argv-extra-no-echo-$c" 'Tr0ub4dor&3'
done
check argv-audit-operands 2 "$bin" phone audit a.csv 'Tr0ub4dor&3' --column tel
expect_err argv-audit-operands 'argument 4 is one operand too many'
expect_not argv-audit-operands-no-echo 'Tr0ub4dor&3'
# --help anywhere prints the command's help on stdout with status 0.
for c in "phone normalize" "phone audit" "name key" "name match" "date parse" "guardian match" "login-id" "password check" "password policy" "demo"; do
    # shellcheck disable=SC2086
    check "help-$c" 0 "$bin" $c --help
    expect "help-$c" "^Usage: sesame $c"
done
check help-unknown 2 "$bin" help frobnicate
expect_err help-unknown 'argument 2 is not a command'
for c in "guardian match --today 2026-09-01 --directory" "login-id --taken" "password check --context-file"; do
    # shellcheck disable=SC2086
    check "empty-file-name-$c" 2 "$bin" $c ''
    expect_err "empty-file-name-$c" 'must be a file name'
done
