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
 *
 * Cost: check() is one foreign call (sesame_password_check) into a result struct allocated once per
 * process; labels, messages and names come from tables read from the library once per process.
 * A policy or context given as an array is built once and reused while the same array comes back
 * (the last one is kept), so a meter called on every keystroke stays at one call.
 */
final class Password
{
    private static ?\FFI $ffi = null;
    private static \FFI\CData $result;
    private static \FFI\CData $resultPtr;
    private static \FFI\CData $options;
    private static \FFI\CData $optionsPtr;
    /** the defaults of sesame_password_check_options_init() */
    private static bool $defaultStrength;
    private static int $defaultReferenceYear;
    private static \FFI\CData $bool;
    private static \FFI\CData $boolPtr;
    private static int $noError;
    /** @var array<int, string> */
    private static array $errors = [];
    /** @var array<int, string> sesame_password_rule => name */
    private static array $rules = [];
    /** @var array<int, string> feedback bit => code */
    private static array $feedbackCodes = [];
    /** @var array<int, array{labels: array<int, string>, messages: array<int, string>}> per language */
    private static array $texts = [];

    /** @var array<string, PasswordPolicy> presets by name */
    private static array $presets = [];
    /** @var array{array<string, mixed>, PasswordPolicy}|null the last policy built from an array: [array, policy] */
    private static ?array $lastPolicy = null;
    /** @var array{array<string, mixed>, PasswordContext}|null the last context built from an array: [array, context] */
    private static ?array $lastContext = null;

    /**
     * @param string|PasswordPolicy|array<string, mixed>|null $policy a preset name, a policy, or the JSON policy format
     * @param PasswordContext|array<string, mixed>|null $context names, dates, phones, login
     * @param bool|null $strength run the meter; null: the library's default (yes)
     * @param int|null $referenceYear the year the meter treats as "now" (1900..2200); null: the library's
     *        default (the current UTC year)
     */
    public static function check(
        string $password,
        string|PasswordPolicy|array|null $policy = 'portal',
        PasswordContext|array|null $context = null,
        string $lang = 'fr',
        ?bool $strength = null,
        ?int $referenceYear = null
    ): PasswordCheck {
        $ffi = self::$ffi ?? self::setUp();
        $lg = FFI::lang($lang);
        $texts = self::$texts[$lg];
        $pol = self::policy($policy);
        $ctx = is_array($context) ? self::context($context) : $context;
        $o = self::$options;
        $o->strength = $strength ?? self::$defaultStrength;
        $o->reference_year = $referenceYear === null ? self::$defaultReferenceYear
            : FFI::fits($referenceYear, 'int32_t', 'referenceYear');
        FFI::check($ffi->sesame_password_check(self::$resultPtr, $pol->cdata(), $ctx?->cdata(), $password,
            strlen($password), self::$optionsPtr));
        $r = self::$result;
        $rules = new PasswordRules($r->upper, $r->lower, $r->digit, $r->special, $r->length_ok,
            $r->has_allowed_rule ? $r->allowed : null);
        $st = null;
        if ($r->has_strength) {
            $codes = [];
            $messages = [];
            $bits = $r->feedback;
            foreach (self::$feedbackCodes as $bit => $code) {
                if (($bits & $bit) !== 0) {
                    $codes[] = $code;
                    $messages[] = $texts['messages'][$bit];
                }
            }
            $score = $r->score;
            $st = new PasswordStrength($score, $texts['labels'][$score] ?? '',
                intdiv($r->guesses_log10_milli + 5, 10) / 100, $codes, $messages);
        }
        $error = $r->error;
        $length = $r->length;
        $alternative = $r->alternative;
        $unaccepted = $message = null;
        if ($r->unaccepted_count > 0) { // rare: a second call, for the sentence about them
            $unaccepted = \FFI::string($r->unaccepted);
            $message = FFI::readSized(static fn ($o, $c, $n) => $ffi->sesame_password_unaccepted_message($o, $c, $n,
                $pol->cdata(), self::$resultPtr, $lg), 512);
            FFI::wipe($r->unaccepted);
        }
        return new PasswordCheck($r->valid, $error === self::$noError ? null : (self::$errors[$error] ?? ''),
            $length >= 0 ? $length : null, $rules, $st, $alternative >= 0 ? $alternative : null, $unaccepted,
            $message === '' ? null : $message);
    }

    /** True iff both are acceptable and equal after NFC (constant-time comparison). */
    public static function confirm(string $password, string $again): bool
    {
        $ffi = self::$ffi ?? self::setUp();
        FFI::check($ffi->sesame_password_confirm(self::$boolPtr, $password, strlen($password), $again, strlen($again)));
        return self::$bool->cdata;
    }

    /**
     * Argon2id over the NFC form. $opsLimit (passes) and $memLimit (bytes): null for the library's
     * defaults (libsodium's interactive limits, also the minimum accepted).
     */
    public static function hash(string $password, ?int $opsLimit = null, ?int $memLimit = null): string
    {
        $ffi = self::$ffi ?? self::setUp();
        $opts = self::hashOptions($opsLimit, $memLimit);
        return FFI::readSized(static fn ($o, $c, $n) => $ffi->sesame_password_hash($o, $c, $n, $password,
            strlen($password), \FFI::addr($opts)), $ffi->SESAME_PASSWORD_HASH_SIZE);
    }

    /** True iff the password (NFC first) matches the stored hash; false for anything malformed. */
    public static function verify(string $hash, string $password): bool
    {
        $ffi = self::$ffi ?? self::setUp();
        FFI::check($ffi->sesame_password_verify(self::$boolPtr, $hash, strlen($hash), $password, strlen($password)));
        return self::$bool->cdata;
    }

    /** True when the stored hash is not Argon2id with exactly these limits (null: the defaults). */
    public static function needsRehash(string $hash, ?int $opsLimit = null, ?int $memLimit = null): bool
    {
        $ffi = self::$ffi ?? self::setUp();
        $opts = self::hashOptions($opsLimit, $memLimit);
        FFI::check($ffi->sesame_password_needs_rehash(self::$boolPtr, $hash, strlen($hash), \FFI::addr($opts)));
        return self::$bool->cdata;
    }

    /** "très faible" ... "très fort" (fr), "very weak" ... "very strong" (en); "" for a score outside 0..4. */
    public static function scoreLabel(int $score, string $lang = 'fr'): string
    {
        self::$ffi ?? self::setUp();
        FFI::fits($score, 'int32_t', 'score');
        return self::$texts[FFI::lang($lang)]['labels'][$score] ?? '';
    }

    /**
     * The parent's checklist line of a rule (one of rules()), with its figure, made from the policy:
     * "Au moins 8 caractères (128 au maximum)", "Au moins un caractère spécial parmi ! ? @ …"; with several
     * alternatives, every way: "Au moins 12 caractères, ou 14 sans caractère spécial (128 au maximum)",
     * "… (facultatif à partir de 14 caractères)".
     * $alternative: the policy alternative whose figures to state (PasswordCheck::$alternative; null: the first).
     * @param string|PasswordPolicy|array<string, mixed>|null $policy
     */
    public static function ruleLabel(string $rule, string $lang = 'fr', string|PasswordPolicy|array|null $policy = 'portal',
                                     ?int $alternative = null): string
    {
        $ffi = self::$ffi ?? self::setUp();
        $i = array_search($rule, self::$rules, true);
        if ($i === false) {
            throw SesameException::invalidArgument("unknown rule '$rule'");
        }
        return self::labels($ffi, [$i => $rule], $lang, $policy, $alternative)[$rule];
    }

    /**
     * Every rule's checklist line, keyed by rule name (see ruleLabel()).
     * @param string|PasswordPolicy|array<string, mixed>|null $policy
     * @return array<string, string>
     */
    public static function ruleLabels(string $lang = 'fr', string|PasswordPolicy|array|null $policy = 'portal',
                                      ?int $alternative = null): array
    {
        return self::labels(self::$ffi ?? self::setUp(), self::$rules, $lang, $policy, $alternative);
    }

    /**
     * The checklist lines of $rules (sesame_password_rule => name), the policy, alternative and
     * language checked once.
     * @param array<int, string> $rules
     * @param string|PasswordPolicy|array<string, mixed>|null $policy
     * @return array<string, string>
     */
    private static function labels(\FFI $ffi, array $rules, string $lang, string|PasswordPolicy|array|null $policy,
                                   ?int $alternative): array
    {
        $pol = self::policy($policy)->cdata();
        $alt = $alternative === null ? -1 : FFI::fits($alternative, 'int32_t', 'alternative');
        $lg = FFI::lang($lang);
        $out = [];
        foreach ($rules as $i => $name) {
            $out[$name] = FFI::readSized(static fn ($o, $c, $n) => $ffi->sesame_password_rule_label($o, $c, $n, $pol, $i,
                $alt, $lg), 256);
        }
        return $out;
    }

    /**
     * The errors of a check: "invalid_utf8", "control_char", "too_long".
     * @return list<string>
     */
    public static function errors(): array
    {
        self::$ffi ?? self::setUp();
        return array_values(self::$errors);
    }

    /**
     * The rules of the checklist: "upper", "lower", "digit", "special", "length", "allowed".
     * @return list<string>
     */
    public static function rules(): array
    {
        self::$ffi ?? self::setUp();
        return array_values(self::$rules);
    }

    /**
     * The meter's feedback codes ("common_password", ..., "context").
     * @return list<string>
     */
    public static function feedbackCodes(): array
    {
        self::$ffi ?? self::setUp();
        return array_values(self::$feedbackCodes);
    }

    /** @param string|PasswordPolicy|array<string, mixed>|null $policy */
    private static function policy(string|PasswordPolicy|array|null $policy): PasswordPolicy
    {
        if ($policy instanceof PasswordPolicy) {
            return $policy;
        }
        if (is_array($policy)) {
            // The same array again (=== is immediate for the same array, element-wise otherwise): no call.
            if (self::$lastPolicy === null || self::$lastPolicy[0] !== $policy) {
                self::$lastPolicy = [$policy, PasswordPolicy::fromArray($policy)];
            }
            return self::$lastPolicy[1];
        }
        $name = $policy ?? 'portal';
        return self::$presets[$name] ??= PasswordPolicy::preset($name);
    }

    /** @param array<string, mixed> $context */
    private static function context(array $context): PasswordContext
    {
        if (self::$lastContext === null || self::$lastContext[0] !== $context) {
            self::$lastContext = [$context, PasswordContext::fromArray($context)];
        }
        return self::$lastContext[1];
    }

    private static function hashOptions(?int $opsLimit, ?int $memLimit): \FFI\CData
    {
        $ffi = FFI::get();
        $opts = $ffi->new('sesame_password_hash_options');
        FFI::check($ffi->sesame_password_hash_options_init(\FFI::addr($opts)));
        if ($opsLimit !== null) {
            $opts->ops_limit = FFI::fits($opsLimit, 'int64_t', 'opsLimit');
        }
        if ($memLimit !== null) {
            $opts->mem_limit = FFI::fits($memLimit, 'size_t', 'memLimit');
        }
        return $opts;
    }

    private static function setUp(): \FFI
    {
        $ffi = FFI::get();
        self::$result = $ffi->new('sesame_password_result');
        self::$resultPtr = \FFI::addr(self::$result);
        FFI::check($ffi->sesame_password_result_init(self::$resultPtr));
        self::$options = $ffi->new('sesame_password_check_options');
        self::$optionsPtr = \FFI::addr(self::$options);
        FFI::check($ffi->sesame_password_check_options_init(self::$optionsPtr));
        self::$defaultStrength = self::$options->strength;
        self::$defaultReferenceYear = self::$options->reference_year;
        self::$bool = $ffi->new('bool');
        self::$boolPtr = \FFI::addr(self::$bool);
        self::$noError = $ffi->SESAME_PASSWORD_OK;
        self::$errors = FFI::names('sesame_password_error_name', self::$noError + 1);
        self::$rules = FFI::names('sesame_password_rule_name', $ffi->SESAME_PASSWORD_RULE_UPPER);
        self::$feedbackCodes = FFI::bitNames('sesame_password_feedback_code');
        foreach (FFI::langs() as $lang) {
            self::$texts[$lang] = [
                'labels' => FFI::names('sesame_password_score_label', 0, $lang),
                'messages' => FFI::bitNames('sesame_password_feedback_message', $lang),
            ];
        }
        return self::$ffi = $ffi;
    }
}
