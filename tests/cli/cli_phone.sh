# Contract tests of `sesame phone normalize` (sourced by run.sh: $bin, check, expect).
check phone-normalize 0 sh -c "printf '%s\n' '0692 12 34 56' '+44 (0)20 7946 0958' 'Tél 06' '06 12 34 56 78 poste 12' '' | '$bin' phone normalize"
expect phone-normalize-keys '^\{"input":"0692 12 34 56","ok":true,"e164":"\+262692123456","country_code":262,"region":"RE","type":"mobile","is_mobile":true,"national":"06 92 12 34 56","international":"\+262 692 12 34 56","masked":"\+262 6•• •• •• 56"\}'
expect phone-normalize-foreign '\{"input":"\+44 \(0\)20 7946 0958","ok":true,"e164":"\+442079460958","country_code":44,"region":"GB","type":"fixed_line","is_mobile":false,"national":"\+44 20 7946 0958","international":"\+44 20 7946 0958","masked":"\+44 2• •••• ••58"\}'
expect phone-normalize-refused '\{"input":"Tél 06","ok":false,"error":"invalid_character"\}'
expect phone-normalize-extension '\{"input":"06 12 34 56 78 poste 12","ok":false,"error":"extension"\}'
expect phone-normalize-empty '\{"input":"","ok":false,"error":"no_digits"\}$'
check phone-normalize-region 0 sh -c "printf '0612345678\r\n' | '$bin' phone normalize --region FR"
expect phone-normalize-crlf '^\{"input":"0612345678","ok":true,"e164":"\+33612345678","country_code":33,"region":"FR","type":"mobile","is_mobile":true,"national":"06 12 34 56 78","international":"\+33 6 12 34 56 78","masked":"\+33 6 •• •• •• 78"\}$'
check phone-normalize-utf8 0 sh -c "printf '06\377\n' | '$bin' phone normalize"
expect phone-normalize-utf8 '^\{"input":"06�","ok":false,"error":"invalid_utf8"\}$'
check phone-normalize-badregion 2 "$bin" phone normalize --region BE
check phone-normalize-noregion 2 "$bin" phone normalize --region
check phone-normalize-badarg 2 "$bin" phone normalize --bogus
check phone-normalize-help 0 "$bin" phone normalize --help
expect phone-normalize-help 'region FR'
