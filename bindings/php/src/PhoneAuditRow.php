<?php
declare(strict_types=1);

namespace Sesame;

/**
 * One record of an export as the phone audit saw it (sesame_phone_audit_row), given to the
 * 'onRow' callable of PhoneAudit: the header first ($row 0, $outcome null), then every data
 * record. $line is the row a spreadsheet shows (the header is usually 1, blank lines count);
 * $outcome 'mobile', 'not_mobile', 'invalid' or 'empty'; $error the phone error name of an invalid
 * row, $type the number type of a valid one (null otherwise); $message the outcome for people in
 * the audit's language. $fields, $raw (the record as written, quotes kept), $gap (blank lines
 * before it) and $lineEnd are the file's text decoded to UTF-8. Holds personal data.
 */
final class PhoneAuditRow
{
    /** @param list<string> $fields */
    public function __construct(
        public readonly int $row,
        public readonly int $line,
        public readonly ?string $outcome,
        public readonly string $input,
        public readonly ?string $e164,
        public readonly ?string $type,
        public readonly ?string $error,
        public readonly string $message,
        public readonly ?int $sameAsLine,
        public readonly bool $outsideMetadata,
        public readonly array $fields,
        public readonly string $raw,
        public readonly string $gap,
        public readonly string $lineEnd,
        public readonly int $column,
        public readonly string $encoding,
        public readonly string $delimiter,
        public readonly bool $bom
    ) {
    }
}
