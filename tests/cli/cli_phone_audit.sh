# Sourced by tests/cli/run.sh: `sesame phone audit` contract (exit codes, --json keys, report).
audit_dir=$(mktemp -d)
printf 'nom;Tel\r\nA;06 12 34 56 78\r\nB;01 23 45 67 89\r\nC;0692 12 34 56\r\nD;\r\nE;x\r\nF;+33612345678\r\n' > "$audit_dir/a.csv"
check audit-json 0 "$bin" phone audit "$audit_dir/a.csv" --column Tel --json
expect audit-json-keys '^\{"rows":6,"summary":\{"mobile":3,"not_mobile":1,"invalid":1,"empty":1,"overseas":1,"outside_metadata":0\},"shared_numbers":\[\{"e164":"\+33612345678","rows":\[1,6\][,}].*\],"problems":\['
expect audit-json-problem '\{"row":5,"input":"x","outcome":"invalid","error":"invalid_character"[,}]'
check audit-report 0 "$bin" phone audit "$audit_dir/a.csv" --column Tel --lang en
expect audit-report-shared '\+33612345678  lines 2, 7'
expect audit-report-counts 'mobile \(can receive the SMS\) +3'
check audit-no-column 2 "$bin" phone audit "$audit_dir/a.csv"
check audit-unknown-column 2 "$bin" phone audit "$audit_dir/a.csv" --column Courriel
check audit-missing-file 1 "$bin" phone audit "$audit_dir/none.csv" --column Tel
check audit-bad-option 2 "$bin" phone audit "$audit_dir/a.csv" --column Tel --frobnicate
printf 'Tel\n"06 12\n' > "$audit_dir/broken.csv"
check audit-broken 1 "$bin" phone audit "$audit_dir/broken.csv" --column Tel
rm -rf "$audit_dir"

# Issue 19: the audit for a secretary.
audit_dir=$(mktemp -d)
# Windows-1252, ';', CRLF, a blank line, a record with a line break inside quotes, accents.
printf 'Nom;Pr\xe9nom;T\xe9l. portable\r\nDUPONT;Jean;06 12 34 56 78\r\n\r\nMARTIN;H\xe9l\xe8ne;01 23 45 67 89\r\n"LEROY\nJR";Zo\xe9;06 12 34 56 78\r\n\xc9LODIE;\xc8ve;\r\nX;Y;T\xe9l 06 12\r\n' > "$audit_dir/sec.csv"
check audit-line-json 0 "$bin" phone audit "$audit_dir/sec.csv" --column portable --json
expect audit-line-json-martin '\{"row":2,"input":"01 23 45 67 89","outcome":"not_mobile","error":null,"type":"fixed_line","line":4,"message":"ne peut pas recevoir le SMS : pas un mobile \(fixe\)","e164":"\+33123456789"\}'
expect audit-line-json-shared '"shared_numbers":\[\{"e164":"\+33612345678","rows":\[1,3\],"lines":\[2,5\]\}\]'
expect audit-line-json-format '"encoding":"windows-1252","delimiter":";","bom":false,"line_end":"crlf","column":"Tél. portable","column_index":2,"column_match":"synonym"\}$'
check audit-line-report 0 "$bin" phone audit "$audit_dir/sec.csv" --column 'TEL PORTABLE'
expect audit-report-fr-title '^Audit des numéros : .*sec\.csv \(colonne « Tél\. portable », windows-1252'
expect audit-report-fr-shared '\+33612345678  lignes 2, 5'
expect audit-report-fr-martin '^  4      pas un mobile  "01 23 45 67 89"  ne peut pas recevoir le SMS'
# The table is aligned by display width: the message column starts at the same column on every row.
cols=$(printf '%s\n' "$out" | sed -n '/^  ligne  résultat/,$p' | python3 -c '
import sys
rows = [l.rstrip("\n") for l in sys.stdin]
head = rows[0].index("message")
print(" ".join(str(r.find("ne peut") if "ne peut" in r else r.find("numéro invalide") if "invalide" in r else r.find("aucun")) for r in rows[1:]), head)')
set -- $cols
[ "$#" = 4 ] && [ "$1" = "$4" ] && [ "$2" = "$4" ] && [ "$3" = "$4" ] && pass=$((pass+1)) || { fail=$((fail+1)); echo "FAIL audit-report-aligned: $cols"; }
check audit-report-en 0 "$bin" phone audit "$audit_dir/sec.csv" --column portable --lang en
expect audit-report-en '^  4     not a mobile  "01 23 45 67 89"  cannot receive the SMS: not a mobile \(landline\)'

# Columns: forgiven, listed when none matches, the candidates when several do (status 2).
check audit-column-unknown 2 "$bin" phone audit "$audit_dir/sec.csv" --column courriel
expect_err audit-column-unknown 'the columns are: "Nom", "Prénom", "Tél\. portable"'
printf 'nom,Tel. portable resp. 1,Tel. portable resp. 2\nA,0612345678,0698765432\n' > "$audit_dir/two.csv"
check audit-column-ambiguous 2 "$bin" phone audit "$audit_dir/two.csv" --column mobile
expect_err audit-column-ambiguous 'several columns match .*"Tel\. portable resp\. 1", "Tel\. portable resp\. 2"; give one of them exactly'
check audit-column-exact 0 "$bin" phone audit "$audit_dir/two.csv" --column 'tel portable resp 2' --json
expect audit-column-exact '"column":"Tel\. portable resp\. 2","column_index":2,"column_match":"folded"'
: > "$audit_dir/empty.csv"
check audit-empty-file 1 "$bin" phone audit "$audit_dir/empty.csv" --column tel

# UTF-16 (Excel's "Texte Unicode": UTF-16LE, BOM, TAB) and standard input.
python3 -c "import sys; sys.stdout.buffer.write('Nom\tTéléphone portable\r\nLÉVY\t06 12 34 56 78\r\nB\t01 23 45 67 89\r\n'.encode('utf-16'))" > "$audit_dir/u16.txt"
check audit-utf16 0 "$bin" phone audit "$audit_dir/u16.txt" --column portable --json
expect audit-utf16 '"summary":\{"mobile":1,"not_mobile":1,.*"encoding":"utf-16le","delimiter":"\\t","bom":true'
check audit-stdin 0 sh -c "'$bin' phone audit - --column portable --json < '$audit_dir/u16.txt'"
expect audit-stdin '"rows":2,"summary":\{"mobile":1'
check audit-stdin-pipe 0 sh -c "cat '$audit_dir/sec.csv' | '$bin' phone audit - --column portable"
expect audit-stdin-pipe '^Audit des numéros : entrée standard'

# --rows: one JSON line per data row, for a re-import.
check audit-rows 0 "$bin" phone audit "$audit_dir/sec.csv" --column portable --rows
[ "$(printf '%s\n' "$out" | wc -l)" = 5 ] && pass=$((pass+1)) || { fail=$((fail+1)); echo "FAIL audit-rows: 5 lines"; }
expect audit-rows-first '^\{"line":2,"row":1,"input":"06 12 34 56 78","outcome":"mobile","e164":"\+33612345678","type":"mobile","error":null,"message":"peut recevoir le SMS"'
expect audit-rows-invalid '\{"line":7,"row":5,"input":"Tél 06 12","outcome":"invalid","e164":null,"type":null,"error":"invalid_character","message":"numéro invalide : contient des lettres ou des signes"'
expect audit-rows-same '"line":5,"row":3,.*"same_as_line":2'
check audit-rows-json 2 "$bin" phone audit "$audit_dir/sec.csv" --column portable --rows --json

# --csv: the export back with E.164, outcome and message, in its encoding, delimiter and line ends.
check audit-csv 0 "$bin" phone audit "$audit_dir/sec.csv" --column portable --csv "$audit_dir/out.csv"
python3 - "$audit_dir/sec.csv" "$audit_dir/out.csv" <<'PY' && pass=$((pass+1)) || { fail=$((fail+1)); echo "FAIL audit-csv: the copy"; }
import sys
src = open(sys.argv[1], "rb").read().decode("cp1252")
out = open(sys.argv[2], "rb").read().decode("cp1252")   # same encoding: decodes
want = ("Nom;Prénom;Tél. portable;E.164;résultat;message\r\n"
        "DUPONT;Jean;06 12 34 56 78;+33612345678;mobile;peut recevoir le SMS\r\n"
        "\r\n"
        "MARTIN;Hélène;01 23 45 67 89;+33123456789;not_mobile;ne peut pas recevoir le SMS : pas un mobile (fixe)\r\n"
        "\"LEROY\nJR\";Zoé;06 12 34 56 78;+33612345678;mobile;\"peut recevoir le SMS ; même numéro qu’à la ligne 2\"\r\n"
        "ÉLODIE;Ève;;;empty;aucun numéro\r\n"
        "X;Y;Tél 06 12;;invalid;numéro invalide : contient des lettres ou des signes\r\n")
assert out == want, repr(out)
PY
check audit-csv-reaudit 0 "$bin" phone audit "$audit_dir/out.csv" --column portable --json
expect audit-csv-reaudit '"rows":5,"summary":\{"mobile":2,"not_mobile":1,"invalid":1,"empty":1'
check audit-csv-utf16 0 "$bin" phone audit "$audit_dir/u16.txt" --column portable --lang en --csv "$audit_dir/out16.txt"
python3 - "$audit_dir/out16.txt" <<'PY' && pass=$((pass+1)) || { fail=$((fail+1)); echo "FAIL audit-csv-utf16: the copy"; }
import sys
b = open(sys.argv[1], "rb").read()
assert b[:2] == b"\xff\xfe", b[:4]
t = b[2:].decode("utf-16-le")
assert t == ("Nom\tTéléphone portable\tE.164\toutcome\tmessage\r\n"
             "LÉVY\t06 12 34 56 78\t+33612345678\tmobile\tcan receive the SMS\r\n"
             "B\t01 23 45 67 89\t+33123456789\tnot_mobile\tcannot receive the SMS: not a mobile (landline)\r\n"), repr(t)
PY
check audit-csv-self 2 "$bin" phone audit "$audit_dir/sec.csv" --column portable --csv "$audit_dir/sec.csv"
check audit-csv-failed 2 "$bin" phone audit "$audit_dir/sec.csv" --column courriel --csv "$audit_dir/none.csv"
[ ! -e "$audit_dir/none.csv" ] && [ -z "$(ls -A "$audit_dir" | grep sesame-audit)" ] && pass=$((pass+1)) || { fail=$((fail+1)); echo "FAIL audit-csv-failed: a file was left"; }
rm -rf "$audit_dir"
