<?php
declare(strict_types=1);

namespace Sesame;

/**
 * `sesame guardian match`, keys in camelCase: status (activated|partial|rejected), reason, guardian,
 * pupils, pupilResults, detail, userMessage (ok_all|ok_some|generic_failure), plus pupilDetails,
 * userText and nearMiss (logs only).
 *
 * Read from the decision's JSON (sesame_decision_json): a decision is a handle by design (it
 * records wrong dates, so it cannot be computed twice), read with one copy and freed.
 */
final class Decision
{
    /** @var array<string, array<int, string>>|null name tables of the three enumerations */
    private static ?array $names = null;

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

    /**
     * The statuses: "activated", "partial", "rejected".
     * @return list<string>
     */
    public static function statuses(): array
    {
        return array_values(self::names()['status']);
    }

    /**
     * The reasons (for logs): "ok", "phone_unknown", "name_mismatch", "ambiguous", ...
     * @return list<string>
     */
    public static function reasons(): array
    {
        return array_values(self::names()['reason']);
    }

    /**
     * The user messages: "ok_all", "ok_some", "generic_failure".
     * @return list<string>
     */
    public static function userMessages(): array
    {
        return array_values(self::names()['message']);
    }

    /**
     * @internal value => name for 'status', 'reason' and 'message', from the library's name functions.
     * @return array<string, array<int, string>>
     */
    public static function names(): array
    {
        if (self::$names === null) {
            $ffi = FFI::get();
            self::$names = [
                'status' => FFI::names('sesame_decision_status_name', $ffi->SESAME_DECISION_ACTIVATED),
                'reason' => FFI::names('sesame_decision_reason_name', $ffi->SESAME_REASON_OK),
                'message' => FFI::names('sesame_user_message_name', $ffi->SESAME_USER_MESSAGE_OK_ALL),
            ];
        }
        return self::$names;
    }
}
