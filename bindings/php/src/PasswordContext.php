<?php
declare(strict_types=1);

namespace Sesame;

/**
 * Words that must lower the strength score: the parent's and pupils' names, birth dates, phones and
 * the login (sesame_password_context). Build it once and reuse it for every keystroke.
 *
 *     $ctx = PasswordContext::fromArray(['names' => ['Lucas'], 'dates' => ['2014-03-12'], 'phones' => ['06 12 34 56 78']]);
 */
final class PasswordContext
{
    /** @var \FFI\CData sesame_password_context* */
    private \FFI\CData $handle;

    private function __construct(\FFI\CData $handle)
    {
        $this->handle = $handle;
    }

    /**
     * Keys: names, dates (YYYY-MM-DD), phones, login. InvalidArgumentException for a wrong shape, an
     * unknown key or a bad date (the message never holds the values).
     * @param array<string, mixed> $context
     */
    public static function fromArray(array $context): self
    {
        return self::fromJson(self::json($context));
    }

    /** From the JSON context format (a JSON object text); ParseException / InvalidArgumentException. */
    public static function fromJson(string $json): self
    {
        $ffi = FFI::get();
        $h = $ffi->new('sesame_password_context*');
        FFI::check($ffi->sesame_password_context_from_json(\FFI::addr($h), $json, strlen($json)));
        return new self($h);
    }

    /**
     * The JSON text of a context given as an array.
     * @param array<string, mixed> $context
     */
    private static function json(array $context): string
    {
        return json_encode((object) $context, JSON_UNESCAPED_UNICODE | JSON_THROW_ON_ERROR);
    }

    public static function create(): self
    {
        $ffi = FFI::get();
        $h = $ffi->new('sesame_password_context*');
        FFI::check($ffi->sesame_password_context_new(\FFI::addr($h)));
        return new self($h);
    }

    public function addName(string $name): self
    {
        FFI::check(FFI::get()->sesame_password_context_add_name($this->handle, $name, strlen($name)));
        return $this;
    }

    /** InvalidArgumentException when not a valid YYYY-MM-DD date. */
    public function addDate(string $iso): self
    {
        FFI::check(FFI::get()->sesame_password_context_add_date($this->handle, $iso, strlen($iso)));
        return $this;
    }

    public function addPhone(string $phone): self
    {
        FFI::check(FFI::get()->sesame_password_context_add_phone($this->handle, $phone, strlen($phone)));
        return $this;
    }

    public function addLogin(string $login): self
    {
        FFI::check(FFI::get()->sesame_password_context_add_login($this->handle, $login, strlen($login)));
        return $this;
    }

    /** @internal */
    public function cdata(): \FFI\CData
    {
        return $this->handle;
    }

    public function __destruct()
    {
        FFI::get()->sesame_password_context_free($this->handle);
    }
}
