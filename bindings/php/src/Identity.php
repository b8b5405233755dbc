<?php
declare(strict_types=1);

namespace Sesame;

/**
 * Names, typed birth dates, candidate-only decisions and login identifiers (sesame/identity.h).
 * One call per CLI command: nameKey, nameMatch, parseDate, loginId (Directory::match for claims).
 */
final class Identity
{
    private const FIELDS = ['family' => 0, 'given' => 1];

    public static function nameKey(string $name): NameKey
    {
        $ffi = FFI::get();
        $valid = $ffi->new('bool');
        $key = FFI::readSized(static fn ($o, $c, $n) => $ffi->sesame_name_key($o, $c, $n, \FFI::addr($valid), $name, strlen($name), 0));
        $compact = FFI::readSized(static fn ($o, $c, $n) => $ffi->sesame_name_key($o, $c, $n, \FFI::addr($valid), $name, strlen($name), 1));
        $ok = (bool) $valid->cdata;
        return new NameKey(self::repaired($name), $ok, $ok ? $key : null, $ok ? $compact : null);
    }

    public static function nameMatch(string $record, string $typed, string $field = 'family'): NameMatch
    {
        if (!isset(self::FIELDS[$field])) {
            throw new InvalidArgumentException("field must be 'family' or 'given'", -1);
        }
        $ffi = FFI::get();
        $out = $ffi->new('bool');
        FFI::check($ffi->sesame_name_match(\FFI::addr($out), self::FIELDS[$field], $record, strlen($record), $typed, strlen($typed)));
        return new NameMatch((bool) $out->cdata);
    }

    /** FranceConnect tier of a recorded given name: 1, 2 (needs the phone as a step-up) or 0. */
    public static function fcTier(string $recordGiven, string $fcGivenName): int
    {
        $ffi = FFI::get();
        $out = $ffi->new('int32_t');
        FFI::check($ffi->sesame_name_fc_tier(\FFI::addr($out), $recordGiven, strlen($recordGiven), $fcGivenName, strlen($fcGivenName)));
        return $out->cdata;
    }

    public static function parseDate(string $typed, string $today): ParsedDate
    {
        $ffi = FFI::get();
        $err = $ffi->new('int32_t');
        $date = $ffi->new('int32_t');
        $flags = $ffi->new('uint32_t');
        FFI::check($ffi->sesame_date_parse(\FFI::addr($err), \FFI::addr($date), \FFI::addr($flags), $typed, strlen($typed), self::today($today)));
        $fl = [];
        if ($flags->cdata & 1) {
            $fl[] = 'age_over_25';
        }
        if ($flags->cdata & 2) {
            $fl[] = 'age_under_2';
        }
        if ($err->cdata === 0) {
            $v = $date->cdata;
            $iso = sprintf('%04d-%02d-%02d', intdiv($v, 10000), intdiv($v, 100) % 100, $v % 100);
            return new ParsedDate(self::repaired($typed), true, $iso, null, $fl);
        }
        return new ParsedDate(self::repaired($typed), false, null, $ffi->sesame_date_error_name($err->cdata), $fl);
    }

    /**
     * Decision for a host that keeps records in its own database: $candidates holds only the
     * records concerned, in the directory JSON format.
     * @param string|array<string, mixed> $candidates
     * @param string|array<string, mixed> $claim
     */
    public static function matchCandidates(string|array $candidates, string|array $claim, string $today,
                                           DateCounter $counter, ?int $nowMs = null): Decision
    {
        $cand = self::claimJson($candidates);
        $json = self::claimJson($claim);
        $t = self::today($today);
        $now = $nowMs ?? (int) floor(microtime(true) * 1000);
        return self::decide(static fn ($ffi, $out) => $ffi->sesame_identity_match_candidates(
            $out, $counter->handle, $cand, strlen($cand), $json, strlen($json), $t, $now));
    }

    /**
     * `initial.family` + a random suffix not in $taken (compared in lowercase).
     * Throws InvalidNameException, ExhaustedException.
     * @param iterable<string> $taken
     */
    public static function loginId(string $family, string $given = '', iterable $taken = []): LoginId
    {
        $ffi = FFI::get();
        $list = '';
        foreach ($taken as $t) {
            $list .= $t . "\n";
        }
        $cap = $ffi->sesame_login_id_max_bytes() + 1;
        $buf = $ffi->new("char[$cap]");
        $len = $ffi->new('size_t');
        FFI::check($ffi->sesame_login_id($buf, $cap, \FFI::addr($len), $family, strlen($family), $given, strlen($given),
            $list, strlen($list), null, null));
        return new LoginId(\FFI::string($buf, $len->cdata));
    }

    /** @internal 'YYYY-MM-DD' -> yyyymmdd */
    public static function today(string $today): int
    {
        if (!preg_match('/^(\d{4})-(\d{2})-(\d{2})$/', $today, $m) || !checkdate((int) $m[2], (int) $m[3], (int) $m[1])) {
            throw new InvalidArgumentException("today must be 'YYYY-MM-DD'", -1);
        }
        return (int) $m[1] * 10000 + (int) $m[2] * 100 + (int) $m[3];
    }

    /** @internal */
    public static function claimJson(string|array $claim): string
    {
        return is_array($claim) ? json_encode($claim, JSON_THROW_ON_ERROR | JSON_UNESCAPED_UNICODE) : $claim;
    }

    /** @internal */
    public static function decide(callable $call): Decision
    {
        $ffi = FFI::get();
        $h = $ffi->new('sesame_decision*');
        FFI::check($call($ffi, \FFI::addr($h)));
        try {
            $json = FFI::readSized(static fn ($o, $c, $n) => $ffi->sesame_decision_json($o, $c, $n, $h), 1024);
        } finally {
            $ffi->sesame_decision_free($h);
        }
        return Decision::fromJson($json);
    }

    private static function repaired(string $s): string
    {
        $ffi = FFI::get();
        return FFI::readSized(static fn ($o, $c, $n) => $ffi->sesame_utf8_repair($o, $c, $n, $s, strlen($s)), strlen($s) * 3 + 1);
    }
}
