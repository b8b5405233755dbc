<?php
declare(strict_types=1);

namespace Ent;

/** Sends one SMS. The ENT plugs its gateway here; the example writes to an outbox file (OutboxSender). */
interface SmsSender
{
    /** $e164: the canonical number the code is bound to (OtpService::issueResult()->e164). */
    public function send(string $e164, string $text): void;
}
