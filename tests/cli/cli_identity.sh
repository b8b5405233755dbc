# Contract tests of the identity commands (sourced by run.sh: $bin, check, expect, $here).
id_data="$here/../data/identity"
id_today=2026-09-01

check name-key 0 sh -c "printf '%s\n' \"Jean-Pierre Marie\" \"ИВАНОВ\" | '$bin' name key"
expect name-key-keys '^\{"input":"Jean-Pierre Marie","valid":true,"key":"jean pierre\|marie","compact":"jeanpierremarie"\}'
expect name-key-invalid '"input":"ИВАНОВ","valid":false,"key":null,"compact":null'
check name-key-utf8 0 sh -c "printf 'A\377B\n' | '$bin' name key"
expect name-key-utf8 '"valid":false.*"error":"invalid_utf8"'
check name-key-arg 2 "$bin" name key --bogus

check name-match-family 0 sh -c "printf 'D\047ALEMBERT\tDALEMBERT\nFONTAINE (DE LA)\tDE LA FONTAINE\nMÜLLER\tMULLER\nSØRENSEN\tSORENSEN\nDUPONT\tDUPOND\nMARTIN\tMARTINE\nno tab\n' | '$bin' name match --field family"
expect name-match-family "$(printf '^\\{"match":true\\}\n\\{"match":true\\}\n\\{"match":true\\}\n\\{"match":true\\}\n\\{"match":false\\}\n\\{"match":false\\}\n\\{"match":false,"error":"bad_line"\\}$')"
check name-match-given 0 sh -c "printf 'Jean-Pierre\tJEAN PIERRE\nMichel\tMichèle\nJean-Pierre\tJean\n' | '$bin' name match --field given"
expect name-match-given "$(printf '^\\{"match":true\\}\n\\{"match":false\\}\n\\{"match":false\\}$')"
check name-match-nofield 2 "$bin" name match
check name-match-badfield 2 "$bin" name match --field middle

check date-parse 0 sh -c "printf '12 03 2014\n29/02/2015\n01/09/2000\n02/09/2024\n12/03/14\n\n' | '$bin' date parse --today $id_today"
expect date-parse-ok '^\{"input":"12 03 2014","valid":true,"iso":"2014-03-12","error":null,"flags":\[\]\}'
expect date-parse-leap '\{"input":"29/02/2015","valid":false,"iso":null,"error":"not_leap","flags":\[\]\}'
expect date-parse-over25 '"iso":"2000-09-01","error":null,"flags":\["age_over_25"\]'
expect date-parse-under2 '"flags":\["age_under_2"\]'
expect date-parse-2digit '"error":"two_digit_year"'
expect date-parse-empty '\{"input":"","valid":false,"iso":null,"error":"empty","flags":\[\]\}'
check date-parse-notoday 2 "$bin" date parse
check date-parse-badtoday 2 "$bin" date parse --today 2026-02-30

check guardian-match 0 sh -c "'$bin' guardian match --directory '$id_data/school.json' --today $id_today < '$id_data/claims.jsonl'"
expect guardian-match-keys '^\{"status":"activated","reason":"ok","guardian":"G01","pupils":\["P01","P02"\],"pupil_results":\{"P01":"ok","P02":"ok"\},.*"detail":null,"user_message":"ok_all"'
expect guardian-match-partial '"status":"partial","reason":"birthdate_mismatch","guardian":"G02","pupils":\["P01"\].*"detail":"date_differs","user_message":"ok_some"'
expect guardian-match-notleap '"detail":"date_invalid:not_leap"'
for d in phone_missing phone_invalid phone_not_mobile phone_not_found given_mismatch family_mismatch family_and_given_mismatch \
         'candidates:G05,G06' no_legal_link link_not_legal checkbox_unchecked no_confirmation no_link 'candidates:G01,G17' \
         'fc_secondary_given_name:G13' fc_phone_filter fc_no_match; do
    expect "guardian-match-$d" "\"detail\":\"$d\""
done
expect guardian-match-dup '"error":"duplicate_pupil"'
expect guardian-match-badclaim '"error":"bad_claim:method"'
expect guardian-match-json '"error":"invalid_json"'
[ "$(printf '%s\n' "$out" | wc -l)" = "$(wc -l < "$id_data/claims.jsonl")" ] && pass=$((pass+1)) || { fail=$((fail+1)); echo "FAIL guardian-match: one output line per input line"; }
grep -q 'G14:phone_mobile=not_mobile' /tmp/sesame-cli-stderr.$$ && pass=$((pass+1)) || { fail=$((fail+1)); echo "FAIL guardian-match: unreachable report on stderr"; }
claim_wrong='{"method": "form", "phone": "07 86 77 88 99", "family_name": "LEFEVRE", "given_name": "Hélène", "pupils": [{"pupil": "P17", "legal_representative": true, "birthdate": "01/01/2019"}]}'
check guardian-match-cap 0 sh -c "printf '%s\n%s\n%s\n' '$claim_wrong' '$claim_wrong' '$claim_wrong' | '$bin' guardian match --directory '$id_data/school.json' --today $id_today --max-date-failures 2"
expect guardian-match-cap "$(printf '"detail":"date_differs".*\n.*"detail":"date_differs".*\n.*"detail":"too_many_attempts"')"
check guardian-match-utf8 0 sh -c "printf '{\"method\": \"form\", \"family_name\": \"\\377\"}\n' | '$bin' guardian match --directory '$id_data/school.json' --today $id_today"
expect guardian-match-utf8 '^\{"status":null,.*"error":"invalid_utf8"\}$'
check guardian-match-nodir 2 "$bin" guardian match --today $id_today
check guardian-match-notoday 2 "$bin" guardian match --directory "$id_data/school.json"
check guardian-match-missing 1 "$bin" guardian match --directory /nonexistent.json --today $id_today
check guardian-match-badmax 2 "$bin" guardian match --directory "$id_data/school.json" --today $id_today --max-date-failures 0
printf '{"guardians": [{"id": "G1"}, {"id": "G1"}]}' > /tmp/sesame-cli-dir.$$
check guardian-match-baddir 1 "$bin" guardian match --directory /tmp/sesame-cli-dir.$$ --today $id_today
grep -q 'guardians\[1\] (id G1)' /tmp/sesame-cli-stderr.$$ && pass=$((pass+1)) || { fail=$((fail+1)); echo "FAIL guardian-match: load error names the record"; }

check login-id 0 sh -c "printf 'LEFÈVRE\tHélène\nИВАНОВ\tОльга\nDURAND EP. LEROY\tMarie\nDUPONT\t\n\tJean\nnotab\n' | '$bin' login-id"
expect login-id-shape '^\{"login":"h\.lefevre[0-9]{2}"\}'
expect login-id-translit '\{"login":"o\.ivanov[0-9]{2}"\}'
expect login-id-marker '\{"login":"m\.leroy[0-9]{2}"\}'
expect login-id-nogiven '\{"login":"dupont[0-9]{2}"\}'
expect login-id-invalid '\{"login":null,"error":"invalid_name"\}'
expect login-id-badline '\{"login":null,"error":"bad_line"\}'
# Every 2-digit suffix taken (in mixed case, with comments): widening to 3 digits.
{ echo "# taken"; echo; for i in $(seq -w 0 99); do echo "H.LEFEVRE$i"; done; } > /tmp/sesame-cli-taken.$$
check login-id-widen 0 sh -c "printf 'LEFEVRE\tHélène\n' | '$bin' login-id --taken /tmp/sesame-cli-taken.$$"
expect login-id-widen '^\{"login":"h\.lefevre[0-9]{3}"\}$'
# Emitted identifiers join the taken set: 100 lines for one stem never repeat.
check login-id-unique 0 sh -c "yes \"\$(printf 'DUPONT\tJean')\" | head -100 | '$bin' login-id"
[ "$(printf '%s\n' "$out" | sort -u | wc -l)" = 100 ] && pass=$((pass+1)) || { fail=$((fail+1)); echo "FAIL login-id: emitted identifiers are unique"; }
check login-id-missing 1 "$bin" login-id --taken /nonexistent
rm -f /tmp/sesame-cli-taken.$$ /tmp/sesame-cli-dir.$$
