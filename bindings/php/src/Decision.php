<?php
declare(strict_types=1);

namespace Sesame;

/**
 * `sesame guardian match`, keys in camelCase: status (activated|partial|rejected), reason, guardian,
 * pupils, pupilResults, detail, userMessage (ok_all|ok_some|generic_failure), plus pupilDetails,
 * userText and nearMiss (logs only).
 */
final class Decision
{
    /**
     * @param list<string> $pupils
     * @param array<string, string> $pupilResults
     * @param array<string, ?string> $pupilDetails
     */
    public function __construct(
        public readonly string $status,
        public readonly string $reason,
        public readonly ?string $guardian,
        public readonly array $pupils,
        public readonly array $pupilResults,
        public readonly ?string $detail,
        public readonly string $userMessage,
        public readonly array $pupilDetails,
        public readonly string $userText,
        public readonly bool $nearMiss,
    ) {
    }

    /** @internal builds from the library's JSON */
    public static function fromJson(string $json): self
    {
        $j = json_decode($json, true, 512, JSON_THROW_ON_ERROR);
        return new self($j['status'], $j['reason'], $j['guardian'], $j['pupils'], (array) $j['pupil_results'],
            $j['detail'], $j['user_message'], (array) $j['pupil_details'], $j['user_text'], $j['near_miss']);
    }
}
