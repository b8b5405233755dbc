<?php
declare(strict_types=1);

namespace Sesame;

/**
 * The counts of a phone audit (PhoneAudit::fileSummary(), bufferSummary()): no number, no row,
 * nothing personal. Each data row counts in exactly one of mobile, notMobile, invalid, empty;
 * $overseas counts the mobile rows on a French overseas code; $sharedNumbers the valid numbers
 * found on two rows or more; $problems the rows that are not mobile; $outsideMetadata the valid rows
 * accepted only through the overseas table of the phone spec.
 */
final class PhoneAuditSummary
{
    public function __construct(
        public readonly int $rows,
        public readonly int $mobile,
        public readonly int $notMobile,
        public readonly int $invalid,
        public readonly int $empty,
        public readonly int $overseas,
        public readonly int $sharedNumbers,
        public readonly int $problems,
        public readonly int $outsideMetadata = 0
    ) {
    }
}
