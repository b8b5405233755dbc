<?php
declare(strict_types=1);

namespace Sesame;

/**
 * Passwords (sesame/password.h): the portal's rules, the strength meter, confirmation and Argon2id.
 *
 *     $r = Password::check('Soleil2015!', 'portal', ['names' => ['Lucas']]);
 *     // $r->valid, $r->error, $r->length, $r->rules->upper, $r->strength->score, $r->strength->guessesLog10
 *     $hash = Password::hash($pw);            // store it
 *     Password::verify($hash, $typed);        // NFC first: an NFD keyboard still matches
 *
 * An unacceptable password is a result ($error set), never an exception. PHP strings cannot be
 * wiped; the library wipes its own copies.
 */
final class Password
{
    public const ERRORS = ['invalid_utf8', 'control_char', 'too_long'];
    public const RULES = ['upper', 'lower', 'digit', 'special', 'length', 'allowed'];
    public const HASH_MAX_BYTES = 128;
    private const LANGS = ['fr' => 0, 'en' => 1];

    /** @var array<string, PasswordPolicy> */
    private static array $presets = [];

    /**
     * @param string|PasswordPolicy|array<string, mixed>|null $policy a preset name, a policy, or the JSON policy format
     * @param PasswordContext|array<string, mixed>|null $context names, dates, phones, login
     */
    public static function check(
        string $password,
        string|PasswordPolicy|array|null $policy = 'portal',
        PasswordContext|array|null $context = null,
        string $lang = 'fr',
        bool $strength = true
    ): PasswordCheck {
        $ffi = FFI::get();
        $lg = self::lang($lang);
        $pol = self::policy($policy);
        $ctx = is_array($context) ? PasswordContext::fromArray($context) : $context;
        $opts = $ffi->new('sesame_password_check_options');
        FFI::check($ffi->sesame_password_check_options_init(\FFI::addr($opts)));
        $opts->strength = $strength;
        $r = $ffi->new('sesame_password_result');
        FFI::check($ffi->sesame_password_result_init(\FFI::addr($r)));
        FFI::check($ffi->sesame_password_check(\FFI::addr($r), $pol->cdata(), $ctx?->cdata(), $password,
            strlen($password), \FFI::addr($opts)));
        $rules = new PasswordRules($r->upper, $r->lower, $r->digit, $r->special, $r->length_ok,
            $r->has_allowed_rule ? $r->allowed : null);
        $st = null;
        if ($r->has_strength) {
            $codes = [];
            $messages = [];
            for ($bit = 1; $bit <= 128; $bit <<= 1) {
                if (($r->feedback & $bit) !== 0) {
                    $codes[] = $ffi->sesame_password_feedback_code($bit);
                    $messages[] = $ffi->sesame_password_feedback_message($bit, $lg);
                }
            }
            $st = new PasswordStrength($r->score, $ffi->sesame_password_score_label($r->score, $lg),
                intdiv($r->guesses_log10_milli + 5, 10) / 100, $codes, $messages);
        }
        $error = $r->error === 0 ? null : $ffi->sesame_password_error_name($r->error);
        return new PasswordCheck($r->valid, $error, $r->length >= 0 ? $r->length : null, $rules, $st,
            $r->alternative >= 0 ? $r->alternative : null);
    }

    /** True iff both are acceptable and equal after NFC (constant-time comparison). */
    public static function confirm(string $password, string $again): bool
    {
        $ffi = FFI::get();
        $out = $ffi->new('bool');
        FFI::check($ffi->sesame_password_confirm(\FFI::addr($out), $password, strlen($password), $again, strlen($again)));
        return $out->cdata;
    }

    /** Argon2id over the NFC form; defaults (and minimum): libsodium's interactive limits. */
    public static function hash(string $password, ?int $opsLimit = null, ?int $memLimit = null): string
    {
        $ffi = FFI::get();
        $opts = self::hashOptions($opsLimit, $memLimit);
        $buf = $ffi->new('char[' . self::HASH_MAX_BYTES . ']');
        $len = $ffi->new('size_t');
        FFI::check($ffi->sesame_password_hash($buf, self::HASH_MAX_BYTES, \FFI::addr($len), $password, strlen($password),
            \FFI::addr($opts)));
        return \FFI::string($buf, $len->cdata);
    }

    /** True iff the password (NFC first) matches the stored hash; false for anything malformed. */
    public static function verify(string $hash, string $password): bool
    {
        $ffi = FFI::get();
        $out = $ffi->new('bool');
        FFI::check($ffi->sesame_password_verify(\FFI::addr($out), $hash, strlen($hash), $password, strlen($password)));
        return $out->cdata;
    }

    /** True when the stored hash is not Argon2id with exactly these limits. */
    public static function needsRehash(string $hash, ?int $opsLimit = null, ?int $memLimit = null): bool
    {
        $ffi = FFI::get();
        $opts = self::hashOptions($opsLimit, $memLimit);
        $out = $ffi->new('bool');
        FFI::check($ffi->sesame_password_needs_rehash(\FFI::addr($out), $hash, strlen($hash), \FFI::addr($opts)));
        return $out->cdata;
    }

    public static function scoreLabel(int $score, string $lang = 'fr'): string
    {
        return FFI::get()->sesame_password_score_label($score, self::lang($lang));
    }

    public static function ruleMessage(string $rule, string $lang = 'fr'): string
    {
        $i = array_search($rule, self::RULES, true);
        if ($i === false) {
            throw new \InvalidArgumentException("unknown rule '$rule'");
        }
        return FFI::get()->sesame_password_rule_message($i, self::lang($lang));
    }

    private static function lang(string $lang): int
    {
        if (!isset(self::LANGS[$lang])) {
            throw new \InvalidArgumentException("lang must be 'fr' or 'en'");
        }
        return self::LANGS[$lang];
    }

    /** @param string|PasswordPolicy|array<string, mixed>|null $policy */
    private static function policy(string|PasswordPolicy|array|null $policy): PasswordPolicy
    {
        if ($policy instanceof PasswordPolicy) {
            return $policy;
        }
        if (is_array($policy)) {
            return PasswordPolicy::fromArray($policy);
        }
        $name = $policy ?? 'portal';
        return self::$presets[$name] ??= PasswordPolicy::preset($name);
    }

    private static function hashOptions(?int $opsLimit, ?int $memLimit): \FFI\CData
    {
        $ffi = FFI::get();
        $opts = $ffi->new('sesame_password_hash_options');
        FFI::check($ffi->sesame_password_hash_options_init(\FFI::addr($opts)));
        if ($opsLimit !== null) {
            $opts->ops_limit = $opsLimit;
        }
        if ($memLimit !== null) {
            $opts->mem_limit = $memLimit;
        }
        return $opts;
    }
}
