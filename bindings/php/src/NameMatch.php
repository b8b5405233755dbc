<?php
declare(strict_types=1);

namespace Sesame;

/** `sesame name match`. */
final class NameMatch
{
    public function __construct(public readonly bool $match)
    {
    }
}
