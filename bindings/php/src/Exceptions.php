<?php
declare(strict_types=1);

namespace Sesame;

/** Base of every exception thrown by Sesame; getCode() is the C sesame_status. */
class SesameException extends \RuntimeException
{
    /** status => class; must match include/sesame/errors.h (checked by the tests). */
    public const CLASSES = [
        -1 => InvalidArgumentException::class,
        -2 => OutOfMemoryException::class,
        -3 => InternalException::class,
        -4 => BufferTooSmallException::class,
        -5 => InvalidUtf8Exception::class,
        -6 => UnsupportedException::class,
        -7 => StoreUnavailableException::class,
        -8 => StoreFullException::class,
        -9 => CooldownException::class,
        -10 => QuotaException::class,
        -11 => RateLimitedException::class,
        -12 => ExhaustedException::class,
        -13 => NotFoundException::class,
        -14 => ParseException::class,
        -15 => InvalidNameException::class,
        -16 => CryptoException::class,
        -17 => DuplicateException::class,
        -18 => IoException::class,
        -19 => StateException::class,
        -20 => CancelledException::class,
    ];

    /** The thread-local detail of the library (never a secret or personal data). */
    public string $detail = '';

    public static function fromStatus(int $status): self
    {
        $ffi = FFI::get();
        $message = (string) $ffi->sesame_status_str($status);
        $detail = (string) $ffi->sesame_last_error_message();
        $class = self::CLASSES[$status] ?? self::class; // unknown negatives are failures too
        $e = new $class($detail !== '' ? "$message: $detail" : $message, $status);
        $e->detail = $detail;
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
