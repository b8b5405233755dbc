<?php
declare(strict_types=1);

namespace Sesame;

/**
 * A password policy (sesame_password_policy): a preset ("portal", the default, or "cnil2022") or
 * the JSON policy format as an array. Immutable; freed with the object.
 *
 *     $p = PasswordPolicy::fromArray(['alternatives' => [['min_length' => 12, 'classes' => ['upper', 'lower', 'digit']]]]);
 */
final class PasswordPolicy
{
    /** @var \FFI\CData sesame_password_policy* */
    private \FFI\CData $handle;

    private function __construct(\FFI\CData $handle)
    {
        $this->handle = $handle;
    }

    /** NotFoundException for an unknown preset name. */
    public static function preset(string $name = 'portal'): self
    {
        $ffi = FFI::get();
        $h = $ffi->new('sesame_password_policy*');
        FFI::check($ffi->sesame_password_policy_preset(\FFI::addr($h), $name, strlen($name)));
        return new self($h);
    }

    /** From the JSON policy format (a JSON string); ParseException / InvalidArgumentException. */
    public static function fromJson(string $json): self
    {
        $ffi = FFI::get();
        $h = $ffi->new('sesame_password_policy*');
        FFI::check($ffi->sesame_password_policy_from_json(\FFI::addr($h), $json, strlen($json)));
        return new self($h);
    }

    /** @param array<string, mixed> $spec */
    public static function fromArray(array $spec): self
    {
        return self::fromJson(self::json($spec));
    }

    /**
     * The JSON text of a policy given as an array.
     * @param array<string, mixed> $spec
     */
    private static function json(array $spec): string
    {
        return json_encode($spec, JSON_UNESCAPED_UNICODE | JSON_THROW_ON_ERROR);
    }

    /** @return array<string, mixed> the policy in the JSON format, every key present */
    public function toArray(): array
    {
        $ffi = FFI::get();
        $h = $this->handle;
        $json = FFI::readSized(static fn ($o, $c, $n) => $ffi->sesame_password_policy_to_json($o, $c, $n, $h), 256);
        return (array) json_decode($json, true, 16, JSON_THROW_ON_ERROR);
    }

    /** @internal */
    public function cdata(): \FFI\CData
    {
        return $this->handle;
    }

    public function __destruct()
    {
        FFI::get()->sesame_password_policy_free($this->handle);
    }
}
