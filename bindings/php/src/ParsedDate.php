<?php
declare(strict_types=1);

namespace Sesame;

/** `sesame date parse`: iso when valid, else error ("format", "not_leap"...); flags age_over_25 / age_under_2. */
final class ParsedDate
{
    /** @param list<string> $flags */
    public function __construct(
        public readonly string $input,
        public readonly bool $valid,
        public readonly ?string $iso,
        public readonly ?string $error,
        public readonly array $flags,
    ) {
    }
}
