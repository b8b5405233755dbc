<?php
declare(strict_types=1);

namespace Ent;

/**
 * The example's SMS "gateway": one JSON line per message appended to a file, which the tests read.
 * It holds numbers and codes, like a gateway's queue: it is not a log, keep it as private.
 */
final class OutboxSender implements SmsSender
{
    public function __construct(private readonly string $path)
    {
    }

    public function send(string $e164, string $text): void
    {
        $line = json_encode(['to' => $e164, 'text' => $text, 'at' => gmdate('c')], JSON_UNESCAPED_UNICODE | JSON_THROW_ON_ERROR);
        if (file_put_contents($this->path, $line . "\n", FILE_APPEND | LOCK_EX) === false) {
            throw new \RuntimeException('the SMS outbox cannot be written');
        }
    }
}
