# Contract tests of `sesame password check` (sourced by run.sh: $bin, check, expect).
check password-check 0 sh -c "printf '%s\n' 'Soleil2015!' 'azerty' 'Éric-µ12' | '$bin' password check"
expect password-check-keys '^\{"valid":true,"error":null,"length":11,"rules":\{"upper":true,"lower":true,"digit":true,"special":true,"length":true\},"strength":\{"score":[01],"label":"(très faible|faible)","guesses_log10":[0-9.]+,"feedback":\[[^]]*"date"[^]]*\],"messages":\['
expect password-check-weak '\{"valid":false,"error":null,"length":6,"rules":\{"upper":false,"lower":true,"digit":false,"special":false,"length":false\},"strength":\{"score":0,"label":"très faible","guesses_log10":[0-9.]+,"feedback":\["common_password"\]'
expect password-check-unicode '\{"valid":true,"error":null,"length":8,"rules":\{"upper":true,"lower":true,"digit":true,"special":true,"length":true\}'
# Never echoed: no input key, and the password text itself does not appear.
if printf '%s' "$out" | grep 'Soleil' >/dev/null; then fail=$((fail+1)); echo "FAIL password-check-echo: the password was echoed"; else pass=$((pass+1)); fi
check password-check-errors 0 sh -c "printf 'ab\tcdefgh1A!\n\377abc\n\n' | '$bin' password check"
expect password-check-control '^\{"valid":false,"error":"control_char","length":null,"rules":\{"upper":false,"lower":false,"digit":false,"special":false,"length":false\},"strength":null,"unaccepted":null,"unaccepted_message":null\}'
expect password-check-utf8 '\{"valid":false,"error":"invalid_utf8","length":null,.*"strength":null,"unaccepted":null,"unaccepted_message":null\}'
expect password-check-empty '\{"valid":false,"error":null,"length":0,'
check password-check-context 0 sh -c "printf 'Lucas2014!\n' | '$bin' password check --context '{\"names\": [\"Lucas Martin\"], \"dates\": [\"2014-03-12\"]}' --lang en"
expect password-check-context '"strength":\{"score":[01],"label":"(very weak|weak)",.*"feedback":\[[^]]*"context"'
ctxfile=$(mktemp)
printf '{"names": ["Hélène Lefèvre"], "phones": ["06 12 34 56 78"], "login": "h.lefevre"}' > "$ctxfile"
check password-check-context-file 0 sh -c "printf 'Lefevre0612345678\n' | '$bin' password check --context-file '$ctxfile'"
expect password-check-context-file '"feedback":\[[^]]*"context"'
rm -f "$ctxfile"
check password-check-cnil 0 sh -c "printf 'Abcdefghijk1!\nAbcdefghijklm1\nAbcdefghijkl1\n' | '$bin' password check --policy cnil2022"
expect password-check-cnil-12 '^\{"valid":true,'
lines=$(printf '%s\n' "$out" | cut -c1-14 | tr '\n' ' ')
if [ "$lines" = '{"valid":true, {"valid":true, {"valid":false ' ]; then pass=$((pass+1)); else fail=$((fail+1)); echo "FAIL password-check-cnil: $lines"; fi
check password-check-too-long 0 sh -c "printf 'A1!%0129d\n' 0 | '$bin' password check"
expect password-check-too-long '^\{"valid":false,"error":"too_long","length":132,.*"length":false\},"strength":null,"unaccepted":null,"unaccepted_message":null\}$'
check password-check-badpolicy 2 "$bin" password check --policy nope
check password-check-badcontext 2 "$bin" password check --context '{"names": 3}'
check password-check-nofile 1 "$bin" password check --context-file /nonexistent/ctx.json
check password-check-badlang 2 "$bin" password check --lang de
check password-check-badopt 2 "$bin" password check --password x
check password-check-help 0 "$bin" password check --help
expect password-check-help 'never echoed'
# A character outside the policy is named for the parent (never the rest of the password).
check password-check-unaccepted 0 sh -c "printf 'Soleil2015€\nSoleil2015€!\n' | '$bin' password check"
expect password-check-unaccepted '"special":false,.*"unaccepted":"€","unaccepted_message":"€ n’est pas un caractère spécial accepté ; caractères spéciaux acceptés : ! \? @'
expect password-check-unaccepted-allowed '"unaccepted":"€","unaccepted_message":null\}$'
# The checklist labels of a policy, from the library (issue 19): what a form shows.
check password-policy 0 "$bin" password policy
expect password-policy '^\{"policy":"portal","labels":\{"upper":"Au moins une lettre majuscule","lower":"Au moins une lettre minuscule","digit":"Au moins un chiffre","special":"Au moins un caractère spécial parmi ! \? @ # \$ \( \) \[ \] _ \. , ; & = \+ - % \* < > £ µ / :","length":"Au moins 8 caractères \(128 au maximum\)"\},"definition":\{"alternatives":\['
check password-policy-en 0 "$bin" password policy --policy cnil2022 --lang en
expect password-policy-en '^\{"policy":"cnil2022","labels":\{"upper":"At least one uppercase letter",.*"special":"At least one special character among [^"]* / : \(optional from 14 characters\)","length":"At least 12 characters, or 14 without a special character \(128 at most\)"\},"definition":\{.*"forbid_other":false'
check password-policy-badpolicy 2 "$bin" password policy --policy nope
check password-policy-badlang 2 "$bin" password policy --lang de
check password-check-both-contexts 2 "$bin" password check --context '{}' --context-file /dev/null
