<?php
declare(strict_types=1);

namespace Sesame;

/**
 * The outcome of Phone::normalize(): the keys of `sesame phone normalize` in camelCase. When $ok is
 * false only $input and $error are set ($error is one of Phone::errors()).
 */
final class PhoneNumber
{
    public function __construct(
        public readonly string $input,
        public readonly bool $ok,
        public readonly ?string $e164 = null,
        public readonly ?int $countryCode = null,
        public readonly ?string $region = null,
        public readonly ?string $type = null,
        public readonly ?bool $isMobile = null,
        public readonly ?string $national = null,
        public readonly ?string $international = null,
        public readonly ?string $masked = null,
        public readonly ?string $error = null
    ) {
    }
}
