<?php
declare(strict_types=1);

namespace Sesame;

/**
 * SMS security codes bound to (phone number, purpose): issue() gives the code to send, verify()
 * checks what the parent typed (sesame/otp.h).
 *
 * Limits: $ttlS (code lifetime), $maxAttempts per code, $maxFailuresPerHour, $cooldownS between
 * codes, $maxSendsPerHour, $digits. Each one left null takes the library's default:
 * sesame_otp_options_init() for `new OtpService(...)` (600 s, OWASP ASVS / NIST),
 * sesame_otp_options_init_portal() for OtpService::portal() (1,800 s, "valable 30 min").
 * $key is 32 secret bytes, $keyId is stored with each hash; $previousKeys [id => 32 bytes] still
 * verify after a rotation; $indexKey (32 bytes, never changing) keys the store keys (default:
 * derived from $key; set it if you may rotate). $store: a RedisStore (PHP-FPM, several servers),
 * or null / an OtpMemoryStore for an in-process store, which only the CLI SAPI accepts: under
 * PHP-FPM it would die with the request (a code issued now would never verify in the next
 * request), so it is refused there with a DeploymentException.
 *
 * Cost: issue() and verify() are one foreign call each, into result structs allocated once per process.
 */
final class OtpService
{
    /** PHP argument => sesame_otp_options field (int32_t each) */
    private const LIMITS = ['ttlS' => 'ttl_s', 'maxAttempts' => 'max_attempts',
        'maxFailuresPerHour' => 'max_failures_per_hour', 'cooldownS' => 'cooldown_s',
        'maxSendsPerHour' => 'max_sends_per_hour', 'digits' => 'digits'];

    private static ?\FFI $ffi = null;
    private static \FFI\CData $issued;
    private static \FFI\CData $issuedPtr;
    private static \FFI\CData $verified;
    private static \FFI\CData $verifiedPtr;
    /** @var array<int, string> sesame_otp_verdict => name */
    private static array $verdicts = [];
    private static int $wrongCode;
    private static int $cooldown;
    private static int $quota;

    private \FFI\CData $h;
    private ?OtpStore $store = null;

    /** @param array<int, string> $previousKeys key id => 32 bytes */
    public function __construct(
        string $key,
        int $keyId,
        ?int $ttlS = null,
        ?int $maxAttempts = null,
        ?int $maxFailuresPerHour = null,
        ?int $cooldownS = null,
        ?int $maxSendsPerHour = null,
        ?int $digits = null,
        ?OtpStore $store = null,
        ?string $indexKey = null,
        array $previousKeys = []
    ) {
        $this->h = self::open('sesame_otp_options_init', $key, $keyId,
            compact('ttlS', 'maxAttempts', 'maxFailuresPerHour', 'cooldownS', 'maxSendsPerHour', 'digits'),
            $store, $indexKey, $previousKeys);
        $this->store = $store;
    }

    /**
     * The portal's preset: codes valid 30 minutes (sesame_otp_options_init_portal()), the other
     * limits as the defaults unless given.
     * @param array<int, string> $previousKeys
     */
    public static function portal(
        string $key,
        int $keyId,
        ?OtpStore $store = null,
        ?int $digits = null,
        ?int $ttlS = null,
        ?int $maxAttempts = null,
        ?int $maxFailuresPerHour = null,
        ?int $cooldownS = null,
        ?int $maxSendsPerHour = null,
        ?string $indexKey = null,
        array $previousKeys = []
    ): self {
        $h = self::open('sesame_otp_options_init_portal', $key, $keyId,
            compact('ttlS', 'maxAttempts', 'maxFailuresPerHour', 'cooldownS', 'maxSendsPerHour', 'digits'),
            $store, $indexKey, $previousKeys);
        $svc = (new \ReflectionClass(self::class))->newInstanceWithoutConstructor();
        $svc->h = $h;
        $svc->store = $store;
        return $svc;
    }

    /**
     * A new code for ($phone, $purpose), replacing the pending one; send it by SMS. Throws
     * CooldownException and QuotaException (with ->retryAfterS), RateLimitedException,
     * StoreFullException, StoreUnavailableException, InvalidArgumentException (phone or purpose).
     * $nowMs: Unix milliseconds, null for the clock.
     */
    public function issue(string $phone, string $purpose, ?int $nowMs = null): string
    {
        $r = $this->call($phone, $purpose, $nowMs);
        $code = \FFI::string($r->code);
        \FFI::memset($r->code, 0, \FFI::sizeof($r->code));
        return $code;
    }

    /** As issue(), with the canonical number the code is bound to (send the SMS there) and its expiry. */
    public function issueResult(string $phone, string $purpose, ?int $nowMs = null): OtpIssue
    {
        $r = $this->call($phone, $purpose, $nowMs);
        $issue = new OtpIssue(\FFI::string($r->code), \FFI::string($r->e164), $r->expires_at_ms);
        \FFI::memset($r->code, 0, \FFI::sizeof($r->code));
        return $issue;
    }

    /**
     * Checks a typed code (spaces, hyphens, fullwidth digits allowed). Throws only for a bad phone
     * or purpose (InvalidArgumentException) and StoreUnavailableException.
     */
    public function verify(string $phone, string $purpose, string $code, ?int $nowMs = null): OtpResult
    {
        $ffi = self::$ffi;
        // now_ms is an int64_t: every PHP int fits.
        FFI::check($ffi->sesame_otp_verify(self::$verifiedPtr, $this->h, $phone, strlen($phone), $purpose,
            strlen($purpose), $code, strlen($code), $nowMs ?? FFI::nowMs()));
        $r = self::$verified;
        $verdict = $r->verdict;
        return new OtpResult(self::$verdicts[$verdict] ?? $ffi->sesame_otp_verdict_name($verdict),
            $verdict === self::$wrongCode ? $r->attempts_left : null);
    }

    /**
     * The verdicts of verify(): "ok", "wrong_code", "expired", "no_challenge", "locked", "rate_limited".
     * @return list<string>
     */
    public static function verdicts(): array
    {
        self::$ffi ?? self::setUp();
        return array_values(self::$verdicts);
    }

    public function store(): ?OtpStore
    {
        return $this->store;
    }

    public function __destruct()
    {
        FFI::get()->sesame_otp_service_free($this->h);
    }

    /** The issue call; throws on failure (with retryAfterS for a cooldown or a quota). */
    private function call(string $phone, string $purpose, ?int $nowMs): \FFI\CData
    {
        $st = self::$ffi->sesame_otp_issue(self::$issuedPtr, $this->h, $phone, strlen($phone), $purpose,
            strlen($purpose), $nowMs ?? FFI::nowMs()); // now_ms is an int64_t: every PHP int fits
        if ($st < 0) {
            $e = SesameException::fromStatus($st);
            if ($st === self::$cooldown || $st === self::$quota) {
                /** @var CooldownException|QuotaException $e */
                $e->retryAfterS = self::$issued->retry_after_s;
            }
            throw $e;
        }
        return self::$issued;
    }

    /**
     * The sesame_otp_service* made from the options of $init (a sesame_otp_options_init* function)
     * overridden by the arguments that are not null.
     * @param array<string, ?int> $limits PHP argument => value (null: the preset's default)
     * @param array<int, string> $previousKeys
     */
    private static function open(string $init, string $key, int $keyId, array $limits, ?OtpStore $store,
                                 ?string $indexKey, array $previousKeys): \FFI\CData
    {
        if ($store === null) {
            FFI::requireLongLivedProcess('An OtpService without a store (in-process codes)',
                'a shared store: OtpService::portal($key, $keyId, store: new \\Sesame\\RedisStore(...))');
        }
        $ffi = self::$ffi ?? self::setUp();
        $o = $ffi->new('sesame_otp_options');
        FFI::check($ffi->$init(\FFI::addr($o)));
        foreach ($limits as $name => $value) {
            if ($value !== null) {
                $o->{self::LIMITS[$name]} = FFI::fits($value, 'int32_t', $name);
            }
        }
        FFI::fits($keyId, 'uint32_t', 'keyId');
        $secrets = [];
        try {
            if ($indexKey !== null) {
                $secrets[] = $ik = FFI::bytes($indexKey);
                $o->index_key = FFI::u8ptr($ik);
                $o->index_key_len = strlen($indexKey);
            }
            $n = count($previousKeys);
            if ($n > 0) {
                $size = $ffi->SESAME_OTP_KEY_BYTES;
                $ids = $ffi->new("uint32_t[$n]");
                $all = '';
                $i = 0;
                foreach ($previousKeys as $id => $k) {
                    if (strlen($k) !== $size) {
                        throw SesameException::invalidArgument("every previous key must be $size bytes");
                    }
                    $ids[$i++] = FFI::fits($id, 'uint32_t', 'previousKeys id');
                    $all .= $k;
                }
                $secrets[] = $pk = FFI::bytes($all);
                $o->previous_key_ids = $ffi->cast('uint32_t *', \FFI::addr($ids));
                $o->previous_keys = FFI::u8ptr($pk);
                $o->previous_key_count = $n;
            }
            $secrets[] = $kb = FFI::bytes($key);
            $h = $ffi->new('sesame_otp_service*');
            FFI::check($ffi->sesame_otp_service_new(\FFI::addr($h), FFI::u8ptr($kb), strlen($key), $keyId,
                \FFI::addr($o), $store?->handle()));
        } finally {
            foreach ($secrets as $b) {
                FFI::wipe($b);
            }
        }
        return $h;
    }

    private static function setUp(): \FFI
    {
        $ffi = FFI::get();
        self::$issued = $ffi->new('sesame_otp_issue_result');
        self::$issuedPtr = \FFI::addr(self::$issued);
        FFI::check($ffi->sesame_otp_issue_result_init(self::$issuedPtr));
        self::$verified = $ffi->new('sesame_otp_verify_result');
        self::$verifiedPtr = \FFI::addr(self::$verified);
        FFI::check($ffi->sesame_otp_verify_result_init(self::$verifiedPtr));
        self::$verdicts = FFI::names('sesame_otp_verdict_name', $ffi->SESAME_OTP_OK);
        self::$wrongCode = $ffi->SESAME_OTP_WRONG_CODE;
        self::$cooldown = $ffi->SESAME_E_COOLDOWN;
        self::$quota = $ffi->SESAME_E_QUOTA;
        return self::$ffi = $ffi;
    }
}
