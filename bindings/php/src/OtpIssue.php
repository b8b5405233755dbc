<?php
declare(strict_types=1);

namespace Sesame;

/**
 * The outcome of OtpService::issueResult(): the code to send, the canonical E.164 number to send it
 * to, and the instant (Unix milliseconds) before which it is valid.
 */
final class OtpIssue
{
    public function __construct(
        public readonly string $code,
        public readonly string $e164,
        public readonly int $expiresAtMs
    ) {
    }
}
