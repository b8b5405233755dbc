<?php
declare(strict_types=1);

namespace Sesame;

/**
 * The outcome of OtpService::verify(): $status is "ok", "wrong_code", "expired", "no_challenge",
 * "locked" or "rate_limited"; $attemptsLeft is set only with "wrong_code".
 */
final class OtpResult
{
    public function __construct(
        public readonly string $status,
        public readonly ?int $attemptsLeft = null
    ) {
    }

    public function isOk(): bool
    {
        return $this->status === 'ok';
    }
}
