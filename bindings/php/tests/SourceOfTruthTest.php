<?php
declare(strict_types=1);

use PHPUnit\Framework\TestCase;
use Sesame\Decision;
use Sesame\FFI;
use Sesame\Identity;
use Sesame\OtpService;
use Sesame\Password;
use Sesame\Phone;

/**
 * The binding's name lists come from the library (the *_name() functions, walked from the first
 * value until the library answers ""): each must hold exactly the enumerators of the header, in
 * value order, so an enumerator appended to the C header shows up in PHP without a PHP change.
 */
final class SourceOfTruthTest extends TestCase
{
    /** @return array<string, int> enumerator => value of `typedef enum $enum {...}` in the parsed header */
    private static function enumerators(string $enum): array
    {
        $header = FFI::headerText();
        if (preg_match('/typedef enum ' . $enum . ' \{(.*?)\}/s', $header, $m) !== 1) {
            throw new \LogicException("enum $enum not in the header");
        }
        preg_match_all('/\b(SESAME_\w+)\s*=/', $m[1], $names);
        $ffi = FFI::get();
        $values = [];
        foreach ($names[1] as $name) {
            $values[$name] = $ffi->$name; // the value as FFI parsed it
        }
        asort($values);
        return $values;
    }

    public static function tables(): array
    {
        // [enum, its name function, the binding's list, the enumerator that has no name ("no error")]
        return [
            'phone errors' => ['sesame_phone_error', 'sesame_phone_error_name', static fn () => Phone::errors(), 'SESAME_PHONE_OK'],
            'phone types' => ['sesame_phone_type', 'sesame_phone_type_name', static fn () => Phone::types(), null],
            'password errors' => ['sesame_password_error', 'sesame_password_error_name', static fn () => Password::errors(), 'SESAME_PASSWORD_OK'],
            'password rules' => ['sesame_password_rule', 'sesame_password_rule_name', static fn () => Password::rules(), null],
            'password feedback' => ['sesame_password_feedback', 'sesame_password_feedback_code', static fn () => Password::feedbackCodes(), null],
            'otp verdicts' => ['sesame_otp_verdict', 'sesame_otp_verdict_name', static fn () => OtpService::verdicts(), null],
            'date errors' => ['sesame_date_error', 'sesame_date_error_name', static fn () => Identity::dateErrors(), 'SESAME_DATE_OK'],
            'decision statuses' => ['sesame_decision_status', 'sesame_decision_status_name', static fn () => Decision::statuses(), null],
            'decision reasons' => ['sesame_decision_reason', 'sesame_decision_reason_name', static fn () => Decision::reasons(), null],
            'user messages' => ['sesame_user_message', 'sesame_user_message_name', static fn () => Decision::userMessages(), null],
        ];
    }

    /** @dataProvider tables */
    public function testNameListIsTheHeaderEnumeration(string $enum, string $nameFunction, \Closure $list, ?string $unnamed): void
    {
        $ffi = FFI::get();
        $expected = [];
        foreach (self::enumerators($enum) as $name => $value) {
            $text = $ffi->$nameFunction($value);
            if ($name === $unnamed) {
                $this->assertSame('', $text, "$name has no name");
                continue;
            }
            $this->assertNotSame('', $text, $name);
            $expected[] = $text;
        }
        $this->assertSame($expected, $list());
    }

    public function testDateFlagsAndLanguagesAreTheHeaderValues(): void
    {
        // The enumerations without a name function are read by enumerator name: check that the
        // binding uses every one of them.
        $source = '';
        foreach (glob(__DIR__ . '/../src/*.php') as $file) {
            $source .= file_get_contents($file);
        }
        foreach (['sesame_date_flag', 'sesame_password_lang', 'sesame_name_field', 'sesame_otp_hash', 'sesame_csv_encoding'] as $enum) {
            foreach (array_keys(self::enumerators($enum)) as $name) {
                if ($name === 'SESAME_CSV_ENCODING_AUTO') {
                    continue; // the default of sesame_phone_audit_options_init(), left as it is
                }
                $this->assertStringContainsString('->' . $name, $source, "$enum: $name is not read from the FFI");
            }
        }
        $this->assertSame(['age_over_25'], Identity::parseDate('01/09/2000', '2026-09-01')->flags);
        $this->assertSame(['age_under_2'], Identity::parseDate('01/01/2026', '2026-09-01')->flags);
    }

    public function testNoRetypedStatusValue(): void
    {
        // Statuses are compared with values read from the FFI (or with < 0, the documented rule for
        // failures): no comparison with, or table keyed by, a negative literal in the binding.
        $source = '';
        foreach (glob(__DIR__ . '/../src/*.php') as $file) {
            $source .= file_get_contents($file);
        }
        $this->assertSame(0, preg_match('/(===|!==|==|!=|=>|case|<|>)\s*-\d+/', $source, $m), 'retyped value: ' . ($m[0] ?? ''));
    }
}
