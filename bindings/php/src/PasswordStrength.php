<?php
declare(strict_types=1);

namespace Sesame;

/** The meter's verdict: score 0-4, its label, log10 of the estimated guesses, feedback codes and sentences. */
final class PasswordStrength
{
    /**
     * @param list<string> $feedback codes: common_password, dictionary_word, name, keyboard_walk, sequence, repeat, date, context
     * @param list<string> $messages one localised sentence per code
     */
    public function __construct(
        public readonly int $score,
        public readonly string $label,
        public readonly float $guessesLog10,
        public readonly array $feedback,
        public readonly array $messages
    ) {
    }
}
