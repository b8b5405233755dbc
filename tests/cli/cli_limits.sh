# Sourced by tests/cli/run.sh: the CLI's bounds (docs/limits.md, issue 17). A line above 1 MiB
# gets an error line and the run goes on; files named on the command line are read only when they
# are regular files, their size checked first. The same cases at scale, under memory and time
# limits, are tests/hostile/.
lim_dir=$(mktemp -d)
head -c 1048577 /dev/zero | tr '\0' 'x' > "$lim_dir/long"   # 1 MiB + 1 byte, no newline
long_then() { printf '%s\n' "sh -c \"{ cat '$lim_dir/long'; printf '\\\\n%s\\\\n' '$1'; } | '$bin' $2\""; }
lim_today=2026-09-01
lim_school="$here/../data/identity/school.json"
while IFS='|' read -r name good args want; do
    eval "check 'line-bound-$name' 0 $(long_then "$good" "$args")"
    first=$(printf '%s\n' "$out" | head -1) second=$(printf '%s\n' "$out" | sed -n 2p)
    if printf '%s' "$first" | grep -q '"error":"line_too_long"' && printf '%s' "$second" | grep -qE -- "$want"; then
        pass=$((pass+1)); else fail=$((fail+1)); echo "FAIL line-bound-$name: $(printf '%s' "$out" | cut -c1-200)"; fi
done <<LIST
phone-normalize|0612345678|phone normalize|^\{"input":"0612345678","ok":true
password-check|Soleil2015!|password check|^\{"valid":true
name-key|Dupont|name key|^\{"input":"Dupont","valid":true
name-match|A	A|name match --field family|^\{"match":true\}
date-parse|12 03 2014|date parse --today $lim_today|^\{"input":"12 03 2014","valid":true
guardian-match|{}|guardian match --directory '$lim_school' --today $lim_today|"error":"bad_claim
login-id|DUPONT	Jean|login-id|^\{"login":"j\.dupont
LIST
# The long line's object keeps the command's keys.
eval "check line-bound-keys 0 $(long_then 0612345678 'phone normalize')"
expect line-bound-keys '^\{"input":null,"ok":false,"error":"line_too_long"\}'
eval "check line-bound-password-keys 0 $(long_then x 'password check')"
expect line-bound-password-keys '^\{"valid":false,"error":"line_too_long","length":null,"rules":\{"upper":false,"lower":false,"digit":false,"special":false,"length":false\},"strength":null,"unaccepted":null,"unaccepted_message":null\}'
# A claim above SESAME_CLAIM_MAX_BYTES or SESAME_JSON_MAX_DEPTH, under the line bound: an error line.
check claim-limit 0 sh -c "python3 -c \"print('['*100); print('{\\\"a\\\": \\\"' + 'x'*70000 + '\\\"}')\" | '$bin' guardian match --directory '$lim_school' --today $lim_today"
expect claim-limit-depth '^\{"status":null,.*"error":"limit_exceeded"\}'
[ "$(printf '%s\n' "$out" | grep -c limit_exceeded)" = 2 ] && pass=$((pass+1)) || { fail=$((fail+1)); echo "FAIL claim-limit: two lines"; }

# Files: a FIFO (would block), a device (never ends), a directory; never opened for reading as such.
mkfifo "$lim_dir/fifo"
for f in "$lim_dir/fifo" /dev/zero "$lim_dir"; do
    tag=$(basename "$f")
    check "file-directory-$tag" 1 timeout 20 "$bin" guardian match --directory "$f" --today $lim_today
    expect_err "file-directory-$tag" 'is not a regular file'
    check "file-taken-$tag" 1 timeout 20 "$bin" login-id --taken "$f"
    expect_err "file-taken-$tag" 'the --taken file is not a regular file'
    check "file-context-$tag" 1 timeout 20 "$bin" password check --context-file "$f"
    expect_err "file-context-$tag" 'the --context-file file is not a regular file'
    check "file-audit-$tag" 1 timeout 20 "$bin" phone audit "$f" --column tel
    expect_err "file-audit-$tag" 'is not a regular file'
done
# Sizes are checked before reading: a context file above SESAME_CONTEXT_MAX_BYTES.
{ printf '{"names": ["'; head -c 70000 /dev/zero | tr '\0' 'a'; printf '"]}'; } > "$lim_dir/ctx.json"
check file-context-size 1 "$bin" password check --context-file "$lim_dir/ctx.json"
expect_err file-context-size 'the --context-file file is 70015 bytes, above SESAME_CONTEXT_MAX_BYTES \(65536\)'
expect_not file-context-size-no-path "$lim_dir"
check context-inline-size 2 "$bin" password check --context "$(head -c 100000 /dev/zero | tr '\0' '[')"
expect_err context-inline-size 'bad context \(--context, argument 4\)'
rm -rf "$lim_dir"
