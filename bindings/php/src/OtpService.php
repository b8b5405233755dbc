<?php
declare(strict_types=1);

namespace Sesame;

/**
 * SMS security codes bound to (phone number, purpose): issue() gives the code to send, verify()
 * checks what the parent typed. Limits: $ttlS (600; portal() uses 1,800 "valable 30 min"),
 * $maxAttempts per code, $maxFailuresPerHour, $cooldownS between codes, $maxSendsPerHour, $digits.
 * $key is 32 secret bytes, $keyId is stored with each hash; $previousKeys [id => 32 bytes] still
 * verify after a rotation; $indexKey (32 bytes, never changing) keys the store keys (default:
 * derived from $key; set it if you may rotate). $store: null for a private in-process store (one
 * PHP process only), or a RedisStore for PHP-FPM.
 */
final class OtpService
{
    private \FFI\CData $h;
    private ?OtpStore $store;

    /** @param array<int, string> $previousKeys */
    public function __construct(
        string $key,
        int $keyId,
        int $ttlS = 600,
        int $maxAttempts = 5,
        int $maxFailuresPerHour = 10,
        int $cooldownS = 60,
        int $maxSendsPerHour = 5,
        int $digits = 6,
        ?OtpStore $store = null,
        ?string $indexKey = null,
        array $previousKeys = []
    ) {
        $ffi = FFI::get();
        $o = $ffi->new('sesame_otp_options');
        FFI::check($ffi->sesame_otp_options_init(\FFI::addr($o)));
        $o->ttl_s = $ttlS;
        $o->max_attempts = $maxAttempts;
        $o->max_failures_per_hour = $maxFailuresPerHour;
        $o->cooldown_s = $cooldownS;
        $o->max_sends_per_hour = $maxSendsPerHour;
        $o->digits = $digits;
        $wipe = [];
        if ($indexKey !== null) {
            $ik = self::bytes($indexKey);
            $wipe[] = $ik;
            $o->index_key = $ffi->cast('uint8_t *', \FFI::addr($ik));
            $o->index_key_len = strlen($indexKey);
        }
        $n = count($previousKeys);
        if ($n > 0) {
            $ids = $ffi->new("uint32_t[$n]");
            $all = '';
            $i = 0;
            foreach ($previousKeys as $id => $k) {
                if (strlen($k) !== 32) {
                    throw new InvalidArgumentException('every previous key must be 32 bytes', -1);
                }
                $ids[$i++] = $id;
                $all .= $k;
            }
            $pk = self::bytes($all);
            $wipe[] = $pk;
            $o->previous_key_ids = $ffi->cast('uint32_t *', \FFI::addr($ids));
            $o->previous_keys = $ffi->cast('uint8_t *', \FFI::addr($pk));
            $o->previous_key_count = $n;
        }
        $kb = self::bytes($key);
        $wipe[] = $kb;
        $h = $ffi->new('sesame_otp_service*');
        try {
            FFI::check($ffi->sesame_otp_service_new(\FFI::addr($h), $ffi->cast('uint8_t *', \FFI::addr($kb)),
                strlen($key), $keyId, \FFI::addr($o), $store?->handle()));
        } finally {
            foreach ($wipe as $b) {
                \FFI::memset($b, 0, \FFI::sizeof($b));
            }
        }
        $this->h = $h;
        $this->store = $store;
    }

    /** The portal's preset: codes valid 30 minutes (ttl 1,800 s), other limits as the defaults. */
    public static function portal(string $key, int $keyId, ?OtpStore $store = null, int $digits = 6): self
    {
        return new self($key, $keyId, ttlS: 1800, digits: $digits, store: $store);
    }

    /**
     * A new code for ($phone, $purpose), replacing the pending one. Throws CooldownException and
     * QuotaException (with ->retryAfterS), RateLimitedException, StoreFullException,
     * StoreUnavailableException, InvalidArgumentException (phone or purpose).
     */
    public function issue(string $phone, string $purpose, ?int $nowMs = null): string
    {
        $ffi = FFI::get();
        $buf = $ffi->new('char[16]');
        $len = $ffi->new('size_t');
        $retry = $ffi->new('int32_t');
        try {
            $st = $ffi->sesame_otp_issue($buf, 16, \FFI::addr($len), \FFI::addr($retry), $this->h,
                $phone, strlen($phone), $purpose, strlen($purpose), $nowMs ?? self::nowMs());
            if ($st < 0) {
                $e = SesameException::fromStatus($st);
                if ($e instanceof CooldownException || $e instanceof QuotaException) {
                    $e->retryAfterS = $retry->cdata;
                }
                throw $e;
            }
            return \FFI::string($buf, $len->cdata);
        } finally {
            $ffi->sesame_memzero($buf, 16);
        }
    }

    /**
     * Checks a typed code (spaces, hyphens, fullwidth digits allowed). Throws only for a bad phone
     * or purpose (InvalidArgumentException) and StoreUnavailableException.
     */
    public function verify(string $phone, string $purpose, string $code, ?int $nowMs = null): OtpResult
    {
        $ffi = FFI::get();
        $verdict = $ffi->new('sesame_otp_verdict');
        $left = $ffi->new('int32_t');
        FFI::check($ffi->sesame_otp_verify(\FFI::addr($verdict), \FFI::addr($left), $this->h, $phone,
            strlen($phone), $purpose, strlen($purpose), $code, strlen($code), $nowMs ?? self::nowMs()));
        $status = (string) $ffi->sesame_otp_verdict_name($verdict->cdata);
        return new OtpResult($status, $status === 'wrong_code' ? $left->cdata : null);
    }

    public function store(): ?OtpStore
    {
        return $this->store;
    }

    public function __destruct()
    {
        FFI::get()->sesame_otp_service_free($this->h);
    }

    private static function bytes(string $s): \FFI\CData
    {
        $n = max(1, strlen($s));
        $b = FFI::get()->new("uint8_t[$n]");
        if ($s !== '') {
            \FFI::memcpy($b, $s, strlen($s));
        }
        return $b;
    }

    private static function nowMs(): int
    {
        return (int) floor(microtime(true) * 1000);
    }
}
