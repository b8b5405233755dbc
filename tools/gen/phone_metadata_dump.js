// Reads libphonenumber's metadata and answers through libphonenumber's own JavaScript, as shipped by
// the npm package google-libphonenumber (the Closure build of google/libphonenumber's javascript/
// directory with its metadata). Called by tools/gen/gen_phone_metadata.py; not run at build time.
//
//   node phone_metadata_dump.js PACKAGE_DIR metadata   -> one JSON object on stdout
//   node phone_metadata_dump.js PACKAGE_DIR answer     -> reads one input per line on stdin, writes
//                                                        one tab-separated answer per line
//
// metadata: {"calling_codes": [[cc, [regions, main first]]...], "regions": {"FR": {...}, "001/800": {...}},
//            "examples": [[cc, nsn]...]} with every field the generator uses, read through the
//            metadata's own getters (so nothing depends on the package's minified layout).
// answer:   for Parse(input, "FR"): "-" when refused or invalid, else
//           e164 \t type \t region \t NATIONAL \t INTERNATIONAL (libphonenumber's formats).
'use strict';
const path = require('path');
const readline = require('readline');

const [pkgDir, mode] = process.argv.slice(2);
const L = require(path.resolve(pkgDir, 'dist', 'libphonenumber.js'));
const util = L.PhoneNumberUtil.getInstance();
const PNT = L.PhoneNumberType;
const PNF = L.PhoneNumberFormat;

const TYPE_NAMES = new Map([
  [PNT.FIXED_LINE, 'fixed_line'], [PNT.MOBILE, 'mobile'], [PNT.FIXED_LINE_OR_MOBILE, 'fixed_line_or_mobile'],
  [PNT.TOLL_FREE, 'toll_free'], [PNT.PREMIUM_RATE, 'premium_rate'], [PNT.SHARED_COST, 'shared_cost'],
  [PNT.VOIP, 'voip'], [PNT.PERSONAL_NUMBER, 'personal_number'], [PNT.PAGER, 'pager'], [PNT.UAN, 'uan'],
  [PNT.VOICEMAIL, 'voicemail'], [PNT.UNKNOWN, 'unknown'],
]);
// The descriptions the generator reads, by its names (libphonenumber's GetNumberTypeHelper order
// is decided by the generator).
const DESCS = {
  premium_rate: 'getPremiumRate', toll_free: 'getTollFree', shared_cost: 'getSharedCost', voip: 'getVoip',
  personal_number: 'getPersonalNumber', pager: 'getPager', uan: 'getUan', voicemail: 'getVoicemail',
  fixed_line: 'getFixedLine', mobile: 'getMobile',
};

function desc(d) {
  if (d == null) return null;
  return {
    pattern: d.hasNationalNumberPattern() ? d.getNationalNumberPattern() : null,
    possible_length: d.possibleLengthArray().slice(),
    possible_length_local_only: d.possibleLengthLocalOnlyArray().slice(),
  };
}

function fmt(f) {
  return {
    pattern: f.getPattern(),
    format: f.getFormat(),
    leading_digits_pattern: f.leadingDigitsPatternArray().slice(),
    national_prefix_formatting_rule: f.hasNationalPrefixFormattingRule() ? f.getNationalPrefixFormattingRule() : null,
  };
}

function metadata(md) {
  const out = {
    id: md.getId(),
    country_code: md.getCountryCode(),
    leading_digits: md.hasLeadingDigits() ? md.getLeadingDigits() : null,
    national_prefix: md.hasNationalPrefix() ? md.getNationalPrefix() : null,
    national_prefix_for_parsing: md.hasNationalPrefixForParsing() ? md.getNationalPrefixForParsing() : null,
    national_prefix_transform_rule: md.hasNationalPrefixTransformRule() ? md.getNationalPrefixTransformRule() : null,
    same_mobile_and_fixed_line_pattern: md.getSameMobileAndFixedLinePattern(),
    general_desc: desc(md.getGeneralDesc()),
    number_format: md.numberFormatArray().map(fmt),
    intl_number_format: md.intlNumberFormatArray().map(fmt),
  };
  for (const [name, getter] of Object.entries(DESCS)) out[name] = md['has' + getter.slice(3)]() ? desc(md[getter]()) : null;
  return out;
}

function dumpMetadata() {
  const codes = util.getSupportedCallingCodes().slice().sort((a, b) => a - b);
  const callingCodes = [];
  const regions = {};
  const examples = [];
  for (const cc of codes) {
    const list = util.getRegionCodesForCountryCode(cc).slice();
    callingCodes.push([cc, list]);
    for (const r of list) {
      const md = r === '001' ? util.getMetadataForNonGeographicalRegion(cc) : util.getMetadataForRegion(r);
      regions[r === '001' ? '001/' + cc : r] = metadata(md);
    }
  }
  // Example numbers, as the differential corpus's seeds: every region (sorted) and type, then every
  // non-geographic code.
  const types = [...TYPE_NAMES.keys()].filter((t) => t !== PNT.UNKNOWN).sort((a, b) => a - b);
  for (const r of util.getSupportedRegions().slice().sort()) {
    for (const t of types) {
      const pn = util.getExampleNumberForType(r, t);
      if (pn != null) examples.push([pn.getCountryCode(), util.getNationalSignificantNumber(pn)]);
    }
  }
  for (const cc of util.getSupportedGlobalNetworkCallingCodes().slice().sort((a, b) => a - b)) {
    const pn = util.getExampleNumberForNonGeoEntity(cc);
    if (pn != null) examples.push([pn.getCountryCode(), util.getNationalSignificantNumber(pn)]);
  }
  process.stdout.write(JSON.stringify({calling_codes: callingCodes, regions, examples}));
}

function answer(line) {
  let pn;
  try {
    pn = util.parse(line, 'FR');
  } catch (e) {
    return '-';
  }
  if (!util.isValidNumber(pn)) return '-';
  return [util.format(pn, PNF.E164), TYPE_NAMES.get(util.getNumberType(pn)), util.getRegionCodeForNumber(pn),
          util.format(pn, PNF.NATIONAL), util.format(pn, PNF.INTERNATIONAL)].join('\t');
}

if (mode === 'metadata') {
  dumpMetadata();
} else if (mode === 'answer') {
  const out = [];
  const rl = readline.createInterface({input: process.stdin, crlfDelay: Infinity});
  rl.on('line', (line) => out.push(answer(line)));
  rl.on('close', () => process.stdout.write(out.join('\n') + (out.length ? '\n' : '')));
} else {
  process.stderr.write('usage: node phone_metadata_dump.js PACKAGE_DIR metadata|answer\n');
  process.exit(2);
}
