<?php
declare(strict_types=1);

namespace Sesame;

/**
 * The verdict of a decision without its details (Directory::matchOutcome(),
 * Identity::matchCandidatesOutcome()): status, reason (logs only) and user message, read with
 * sesame_decision_outcome() instead of copying and decoding the decision's JSON. Use it when the
 * application only routes the user; the Decision of match() has the pupils and the details.
 */
final class DecisionOutcome
{
    public function __construct(
        public readonly string $status,
        public readonly string $reason,
        public readonly string $userMessage
    ) {
    }
}
