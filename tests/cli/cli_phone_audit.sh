# Sourced by tests/cli/run.sh: `sesame phone audit` contract (exit codes, --json keys, report).
audit_dir=$(mktemp -d)
printf 'nom;Tel\r\nA;06 12 34 56 78\r\nB;01 23 45 67 89\r\nC;0692 12 34 56\r\nD;\r\nE;x\r\nF;+33612345678\r\n' > "$audit_dir/a.csv"
check audit-json 0 "$bin" phone audit "$audit_dir/a.csv" --column Tel --json
expect audit-json-keys '^\{"rows":6,"summary":\{"mobile":3,"not_mobile":1,"invalid":1,"empty":1,"overseas":1,"outside_metadata":0\},"shared_numbers":\[\{"e164":"\+33612345678","rows":\[1,6\][,}].*\],"problems":\['
expect audit-json-problem '\{"row":5,"input":"x","outcome":"invalid","error":"invalid_character"[,}]'
check audit-report 0 "$bin" phone audit "$audit_dir/a.csv" --column Tel --lang en
expect audit-report-shared '\+33612345678  rows 1, 6'
expect audit-report-counts 'mobile \(can receive the SMS\) +3'
check audit-no-column 2 "$bin" phone audit "$audit_dir/a.csv"
check audit-unknown-column 2 "$bin" phone audit "$audit_dir/a.csv" --column Courriel
check audit-missing-file 2 "$bin" phone audit "$audit_dir/none.csv" --column Tel
check audit-bad-option 2 "$bin" phone audit "$audit_dir/a.csv" --column Tel --frobnicate
printf 'Tel\n"06 12\n' > "$audit_dir/broken.csv"
check audit-broken 1 "$bin" phone audit "$audit_dir/broken.csv" --column Tel
rm -rf "$audit_dir"
