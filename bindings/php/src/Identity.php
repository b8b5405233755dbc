<?php
declare(strict_types=1);

namespace Sesame;

/**
 * Names, typed birth dates, candidate-only decisions and login identifiers (sesame/identity.h).
 * One call per CLI command: nameKey, nameMatch, parseDate, loginId (Directory::match for claims).
 *
 * Cost: nameKey() and parseDate() are one foreign call each, into result structs allocated once per
 * process (a second call, sesame_utf8_repair, only when the input is not well-formed UTF-8, to
 * echo it in `input`).
 */
final class Identity
{
    private static ?\FFI $ffi = null;
    private static \FFI\CData $key;
    private static \FFI\CData $keyPtr;
    private static \FFI\CData $date;
    private static \FFI\CData $datePtr;
    private static int $dateOk;
    /** @var array<int, string> sesame_date_error => name */
    private static array $dateErrors = [];
    /** @var array<string, int> flag name => sesame_date_flag bit */
    private static array $dateFlags = [];
    /** @var array<string, int> 'family' / 'given' => sesame_name_field */
    private static array $fields = [];

    public static function nameKey(string $name): NameKey
    {
        $ffi = self::$ffi ?? self::setUp();
        FFI::check($ffi->sesame_name_key(self::$keyPtr, $name, strlen($name)));
        $r = self::$key;
        $ok = $r->valid;
        return new NameKey(Sesame::displayable($name), $ok, $ok ? \FFI::string($r->text) : null,
            $ok ? \FFI::string($r->compact) : null);
    }

    /** $field: 'family' (family names: markers, reordered double names) or 'given' (form rule). */
    public static function nameMatch(string $record, string $typed, string $field = 'family'): NameMatch
    {
        $ffi = self::$ffi ?? self::setUp();
        $f = self::$fields[$field] ?? throw SesameException::invalidArgument("field must be 'family' or 'given'");
        $out = $ffi->new('bool');
        FFI::check($ffi->sesame_name_match(\FFI::addr($out), $f, $record, strlen($record), $typed, strlen($typed)));
        return new NameMatch($out->cdata);
    }

    /** FranceConnect tier of a recorded given name: 1, 2 (needs the phone as a step-up) or 0. */
    public static function fcTier(string $recordGiven, string $fcGivenName): int
    {
        $ffi = self::$ffi ?? self::setUp();
        $out = $ffi->new('int32_t');
        FFI::check($ffi->sesame_name_fc_tier(\FFI::addr($out), $recordGiven, strlen($recordGiven), $fcGivenName,
            strlen($fcGivenName)));
        return $out->cdata;
    }

    /** A typed birth date against the reference date $today ('YYYY-MM-DD'). */
    public static function parseDate(string $typed, string $today): ParsedDate
    {
        $ffi = self::$ffi ?? self::setUp();
        FFI::check($ffi->sesame_date_parse(self::$datePtr, $typed, strlen($typed), self::today($today)));
        $r = self::$date;
        $flags = [];
        $bits = $r->flags;
        foreach (self::$dateFlags as $name => $bit) {
            if (($bits & $bit) !== 0) {
                $flags[] = $name;
            }
        }
        $error = $r->error;
        if ($error === self::$dateOk) {
            return new ParsedDate(Sesame::displayable($typed), true, \FFI::string($r->iso), null, $flags);
        }
        return new ParsedDate(Sesame::displayable($typed), false, null,
            self::$dateErrors[$error] ?? $ffi->sesame_date_error_name($error), $flags);
    }

    /**
     * The errors of parseDate(): "empty", "format", "two_digit_year", ... "future".
     * @return list<string>
     */
    public static function dateErrors(): array
    {
        self::$ffi ?? self::setUp();
        return array_values(self::$dateErrors);
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
        return self::decide(self::candidatesCall($candidates, $claim, $today, $counter, $nowMs));
    }

    /**
     * As matchCandidates(), giving only the verdict (no JSON copied or decoded).
     * @param string|array<string, mixed> $candidates
     * @param string|array<string, mixed> $claim
     */
    public static function matchCandidatesOutcome(string|array $candidates, string|array $claim, string $today,
                                                  DateCounter $counter, ?int $nowMs = null): DecisionOutcome
    {
        return self::outcome(self::candidatesCall($candidates, $claim, $today, $counter, $nowMs));
    }

    /**
     * `initial.family` + a random suffix not in $taken (compared in lowercase).
     * Throws InvalidNameException, ExhaustedException.
     * @param iterable<string> $taken
     */
    public static function loginId(string $family, string $given = '', iterable $taken = []): LoginId
    {
        $ffi = self::$ffi ?? self::setUp();
        $list = '';
        foreach ($taken as $t) {
            $list .= $t . "\n";
        }
        return new LoginId(FFI::readSized(static fn ($o, $c, $n) => $ffi->sesame_login_id($o, $c, $n, $family,
            strlen($family), $given, strlen($given), $list, strlen($list), null, null), $ffi->SESAME_LOGIN_ID_SIZE));
    }

    /**
     * @internal 'YYYY-MM-DD' -> yyyymmdd (the library checks that it is a real date).
     */
    public static function today(string $today): int
    {
        if (preg_match('/^(\d{4})-(\d{2})-(\d{2})$/', $today, $m) !== 1) {
            throw SesameException::invalidArgument("today must be 'YYYY-MM-DD'");
        }
        return (int) ($m[1] . $m[2] . $m[3]);
    }

    /** @internal */
    public static function claimJson(string|array $claim): string
    {
        return is_array($claim) ? json_encode($claim, JSON_THROW_ON_ERROR | JSON_UNESCAPED_UNICODE) : $claim;
    }

    /**
     * @internal Runs $call(\FFI $ffi, \FFI\CData $out) (a sesame_directory_match-like call), reads the
     * decision's JSON and frees it: three foreign calls.
     */
    public static function decide(callable $call): Decision
    {
        $ffi = FFI::get();
        $h = $ffi->new('sesame_decision*');
        FFI::check($call($ffi, \FFI::addr($h)));
        try {
            $json = FFI::readSized(static fn ($o, $c, $n) => $ffi->sesame_decision_json($o, $c, $n, $h), 2048);
        } finally {
            $ffi->sesame_decision_free($h);
        }
        return Decision::fromJson($json);
    }

    /** @internal As decide(), reading only the outcome (sesame_decision_outcome). */
    public static function outcome(callable $call): DecisionOutcome
    {
        $ffi = FFI::get();
        $h = $ffi->new('sesame_decision*');
        FFI::check($call($ffi, \FFI::addr($h)));
        $status = $ffi->new('int32_t');
        $reason = $ffi->new('int32_t');
        $message = $ffi->new('int32_t');
        try {
            FFI::check($ffi->sesame_decision_outcome($h, \FFI::addr($status), \FFI::addr($reason),
                \FFI::addr($message)));
        } finally {
            $ffi->sesame_decision_free($h);
        }
        $names = Decision::names();
        return new DecisionOutcome($names['status'][$status->cdata] ?? '', $names['reason'][$reason->cdata] ?? '',
            $names['message'][$message->cdata] ?? '');
    }

    /**
     * @param string|array<string, mixed> $candidates
     * @param string|array<string, mixed> $claim
     */
    private static function candidatesCall(string|array $candidates, string|array $claim, string $today,
                                           DateCounter $counter, ?int $nowMs): \Closure
    {
        $cand = self::claimJson($candidates);
        $json = self::claimJson($claim);
        $t = self::today($today);
        $now = $nowMs ?? FFI::nowMs(); // int64_t: every PHP int fits
        return static fn ($ffi, $out) => $ffi->sesame_identity_match_candidates(
            $out, $counter->handle, $cand, strlen($cand), $json, strlen($json), $t, $now);
    }

    private static function setUp(): \FFI
    {
        $ffi = FFI::get();
        self::$key = $ffi->new('sesame_name_key_result');
        self::$keyPtr = \FFI::addr(self::$key);
        FFI::check($ffi->sesame_name_key_result_init(self::$keyPtr));
        self::$date = $ffi->new('sesame_date_result');
        self::$datePtr = \FFI::addr(self::$date);
        FFI::check($ffi->sesame_date_result_init(self::$datePtr));
        self::$dateOk = $ffi->SESAME_DATE_OK;
        self::$dateErrors = FFI::names('sesame_date_error_name', self::$dateOk + 1);
        // sesame_date_flag has no name function: the names are the enumerators' (lowercased).
        self::$dateFlags = ['age_over_25' => $ffi->SESAME_DATE_FLAG_AGE_OVER_25,
            'age_under_2' => $ffi->SESAME_DATE_FLAG_AGE_UNDER_2];
        self::$fields = ['family' => $ffi->SESAME_NAME_FIELD_FAMILY, 'given' => $ffi->SESAME_NAME_FIELD_GIVEN];
        return self::$ffi = $ffi;
    }
}
