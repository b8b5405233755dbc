<?php
declare(strict_types=1);

namespace Sesame;

/**
 * The outcome of Password::check(): the keys of `sesame password check` in camelCase. $error is null
 * or one of Password::ERRORS; $length is null for invalid_utf8, control_char and the raw cap;
 * $strength is null on any error (or when not requested).
 */
final class PasswordCheck
{
    public function __construct(
        public readonly bool $valid,
        public readonly ?string $error,
        public readonly ?int $length,
        public readonly PasswordRules $rules,
        public readonly ?PasswordStrength $strength,
        public readonly ?int $alternative = null,
        /** The characters that are neither letters, digits nor the policy's specials (at most 8), e.g. "€". */
        public readonly ?string $unaccepted = null,
        /** Why they did not count, for the parent ("€ n’est pas un caractère spécial accepté ; …"); null if nothing to say. */
        public readonly ?string $unacceptedMessage = null
    ) {
    }

    /** @return array<string, mixed> the CLI's JSON object (snake_case keys) */
    public function toArray(): array
    {
        $rules = ['upper' => $this->rules->upper, 'lower' => $this->rules->lower, 'digit' => $this->rules->digit,
            'special' => $this->rules->special, 'length' => $this->rules->length];
        if ($this->rules->allowed !== null) {
            $rules['allowed'] = $this->rules->allowed;
        }
        $strength = $this->strength === null ? null : [
            'score' => $this->strength->score, 'label' => $this->strength->label,
            'guesses_log10' => $this->strength->guessesLog10, 'feedback' => $this->strength->feedback,
            'messages' => $this->strength->messages,
        ];
        return ['valid' => $this->valid, 'error' => $this->error, 'length' => $this->length, 'rules' => $rules,
            'strength' => $strength, 'unaccepted' => $this->unaccepted, 'unaccepted_message' => $this->unacceptedMessage];
    }
}
