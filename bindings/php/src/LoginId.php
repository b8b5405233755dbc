<?php
declare(strict_types=1);

namespace Sesame;

/** `sesame login-id`. */
final class LoginId
{
    public function __construct(public readonly string $login)
    {
    }

    public function __toString(): string
    {
        return $this->login;
    }
}
