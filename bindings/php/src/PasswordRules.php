<?php
declare(strict_types=1);

namespace Sesame;

/** The checklist of PasswordCheck: one flag per rule ($allowed only when the policy forbids other characters). */
final class PasswordRules
{
    public function __construct(
        public readonly bool $upper,
        public readonly bool $lower,
        public readonly bool $digit,
        public readonly bool $special,
        public readonly bool $length,
        public readonly ?bool $allowed = null
    ) {
    }
}
