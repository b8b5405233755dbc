<?php
declare(strict_types=1);

namespace Sesame;

/** `sesame name key`: key = tokens joined by a space, given-name units by '|'; null keys when invalid. */
final class NameKey
{
    public function __construct(
        public readonly string $input,
        public readonly bool $valid,
        public readonly ?string $key,
        public readonly ?string $compact,
    ) {
    }
}
