<?php
declare(strict_types=1);

namespace Sesame;

/**
 * Base of every exception thrown by Sesame for a failing sesame_status; getCode() is the status,
 * $statusName its C name ("SESAME_E_COOLDOWN"), $detail the library's detail. Values outside the
 * library's range (PHP ints that do not fit the C type) raise \ValueError before any call, and wrong
 * PHP types \TypeError, as PHP's own functions do.
 */
class SesameException extends \RuntimeException
{
    /**
     * C status name => class: the subclass of each status of sesame/errors.h, keyed by the C name
     * (the value comes from the library, never from here). A status missing here (a newer library)
     * is a plain SesameException: every negative status is a failure.
     */
    public const CLASSES = [
        'SESAME_E_INVALID_ARGUMENT' => InvalidArgumentException::class,
        'SESAME_E_NOMEM' => OutOfMemoryException::class,
        'SESAME_E_INTERNAL' => InternalException::class,
        'SESAME_E_BUFFER_TOO_SMALL' => BufferTooSmallException::class,
        'SESAME_E_INVALID_UTF8' => InvalidUtf8Exception::class,
        'SESAME_E_UNSUPPORTED' => UnsupportedException::class,
        'SESAME_E_STORE_UNAVAILABLE' => StoreUnavailableException::class,
        'SESAME_E_STORE_FULL' => StoreFullException::class,
        'SESAME_E_COOLDOWN' => CooldownException::class,
        'SESAME_E_QUOTA' => QuotaException::class,
        'SESAME_E_RATE_LIMITED' => RateLimitedException::class,
        'SESAME_E_EXHAUSTED' => ExhaustedException::class,
        'SESAME_E_NOT_FOUND' => NotFoundException::class,
        'SESAME_E_PARSE' => ParseException::class,
        'SESAME_E_INVALID_NAME' => InvalidNameException::class,
        'SESAME_E_CRYPTO' => CryptoException::class,
        'SESAME_E_DUPLICATE' => DuplicateException::class,
        'SESAME_E_IO' => IoException::class,
        'SESAME_E_STATE' => StateException::class,
        'SESAME_E_CANCELLED' => CancelledException::class,
        'SESAME_E_LIMIT' => LimitException::class,
    ];

    /** The thread-local detail of the library (never a secret or personal data). */
    public string $detail = '';

    /** The C name of the status, e.g. "SESAME_E_COOLDOWN"; "" for a status this library does not know. */
    public string $statusName = '';

    /** @var array<int, array{string, string}> status => [message, name], filled as statuses occur */
    private static array $statuses = [];

    /** The exception for a failing status, with the library's message and detail. */
    public static function fromStatus(int $status): self
    {
        $ffi = FFI::get();
        [$message, $name] = self::$statuses[$status]
            ??= [$ffi->sesame_status_str($status), $ffi->sesame_status_name($status)];
        $detail = $ffi->sesame_last_error_message();
        $class = self::CLASSES[$name] ?? self::class;
        $e = new $class($detail !== '' ? "$message: $detail" : $message, $status);
        $e->detail = $detail;
        $e->statusName = $name;
        return $e;
    }

    /**
     * @internal The InvalidArgumentException for an argument the binding checks itself (a name
     * outside a PHP-side list, such as a language or a hash), shaped like the library's own.
     */
    public static function invalidArgument(string $detail): InvalidArgumentException
    {
        $ffi = FFI::get();
        $status = $ffi->SESAME_E_INVALID_ARGUMENT;
        $e = new InvalidArgumentException($ffi->sesame_status_str($status) . ": $detail", $status);
        $e->detail = $detail;
        $e->statusName = 'SESAME_E_INVALID_ARGUMENT';
        return $e;
    }
}

class InvalidArgumentException extends SesameException {}
class OutOfMemoryException extends SesameException {}
class InternalException extends SesameException {}
class BufferTooSmallException extends SesameException {}
class InvalidUtf8Exception extends SesameException {}
class UnsupportedException extends SesameException {}
class StoreUnavailableException extends SesameException {}
class StoreFullException extends SesameException {}
class CooldownException extends SesameException
{
    public int $retryAfterS = 0;
}
class QuotaException extends SesameException
{
    public int $retryAfterS = 0;
}
class RateLimitedException extends SesameException {}
class ExhaustedException extends SesameException {}
class NotFoundException extends SesameException {}
class ParseException extends SesameException {}
class InvalidNameException extends SesameException {}
class CryptoException extends SesameException {}
class DuplicateException extends SesameException {}
class IoException extends SesameException {}
class StateException extends SesameException {}
class CancelledException extends SesameException {}
/** An input above a documented limit (sesame/limits.h); the detail names the limit. */
class LimitException extends SesameException {}

/**
 * The binding is used in a way this PHP deployment cannot support: libsesame not preloaded under
 * PHP-FPM, an in-process OTP store or date counter outside the CLI, a header naming a library that
 * cannot be loaded. Not a library status: the message says what to change (docs/deployment.md).
 */
class DeploymentException extends \LogicException {}

/**
 * The phone audit found no column of the header matching the name given ($candidates is empty),
 * or several ($candidates lists them); $columns holds every column of the header.
 */
class ColumnException extends NotFoundException
{
    /** @var list<string> */
    public array $columns = [];
    /** @var list<string> */
    public array $candidates = [];
}
