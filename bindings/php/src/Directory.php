<?php
declare(strict_types=1);

namespace Sesame;

/**
 * The school's guardians, pupils and links (sesame/identity.h), indexed by mobile number and
 * family name: Directory::loadJson($path)->match($claim, today: '2026-09-01', nowMs: ...).
 */
final class Directory
{
    private \FFI\CData $handle;
    /** The counter match() uses when none is passed: an in-process one (3 wrong dates per pupil per 24 h), made on first use. */
    public ?DateCounter $counter = null;

    private function __construct(\FFI\CData $handle)
    {
        $this->handle = $handle;
    }

    public static function create(): self
    {
        $ffi = FFI::get();
        $h = $ffi->new('sesame_directory*');
        FFI::check($ffi->sesame_directory_new(\FFI::addr($h)));
        return new self($h);
    }

    /**
     * Loads the JSON file; errors name the record (ParseException, DuplicateException,
     * NotFoundException, IoException). Only a regular file is read (IoException "not a regular
     * file" otherwise); a file larger than $maxBytes (null: SESAME_DIRECTORY_MAX_BYTES_DEFAULT,
     * 1 GiB) throws LimitException before it is read.
     */
    public static function loadJson(string $path, ?int $maxBytes = null): self
    {
        $ffi = FFI::get();
        $h = $ffi->new('sesame_directory*');
        $opts = self::loadOptions($maxBytes);
        FFI::check($ffi->sesame_directory_load_json_file(\FFI::addr($h), $path, strlen($path), \FFI::addr($opts)));
        return new self($h);
    }

    /** @param string|array<string, mixed> $document */
    public static function fromJson(string|array $document, ?int $maxBytes = null): self
    {
        $json = Identity::claimJson($document);
        $ffi = FFI::get();
        $h = $ffi->new('sesame_directory*');
        $opts = self::loadOptions($maxBytes);
        FFI::check($ffi->sesame_directory_load_json(\FFI::addr($h), $json, strlen($json), \FFI::addr($opts)));
        return new self($h);
    }

    private static function loadOptions(?int $maxBytes): \FFI\CData
    {
        $ffi = FFI::get();
        $opts = $ffi->new('sesame_directory_load_options');
        FFI::check($ffi->sesame_directory_load_options_init(\FFI::addr($opts)));
        if ($maxBytes !== null) {
            $opts->max_bytes = FFI::fits($maxBytes, 'uint64_t', 'maxBytes');
        }
        return $opts;
    }

    public function __destruct()
    {
        FFI::get()->sesame_directory_free($this->handle);
    }

    /**
     * Adds a guardian: usage family name (`nom`), given name (`prenom`), mobile number as recorded
     * and birth name (`nom_naissance`), both optional. Civility is not an argument: it is never
     * compared. A phone or a name that cannot be used keeps the guardian but makes it unreachable
     * by that field (listed by report()).
     */
    public function addGuardian(string $id, string $familyName, string $givenName, ?string $phone = null,
                                ?string $birthName = null): void
    {
        $phone ??= '';
        $birthName ??= '';
        FFI::check(FFI::get()->sesame_directory_add_guardian($this->handle, $id, strlen($id), $familyName,
            strlen($familyName), $birthName, strlen($birthName), $givenName, strlen($givenName), $phone, strlen($phone)));
    }

    /** Adds a pupil: only the id and the birth date ('YYYY-MM-DD') take part in a decision. */
    public function addPupil(string $id, string $birthdate): void
    {
        FFI::check(FFI::get()->sesame_directory_add_pupil($this->handle, $id, strlen($id), $birthdate, strlen($birthdate)));
    }

    /** Links a guardian to a pupil; only legal representatives can activate. */
    public function addLink(string $guardian, string $pupil, bool $legalRepresentative): void
    {
        FFI::check(FFI::get()->sesame_directory_add_link($this->handle, $guardian, strlen($guardian), $pupil,
            strlen($pupil), $legalRepresentative));
    }

    /** Counts and the guardians unreachable by a field (ids only). */
    public function report(): array
    {
        $ffi = FFI::get();
        $json = FFI::readSized(fn ($o, $c, $n) => $ffi->sesame_directory_report($o, $c, $n, $this->handle), 1024);
        return json_decode($json, true, 512, JSON_THROW_ON_ERROR);
    }

    /**
     * Decides a claim (the CLI's claim object, as an array or JSON text). Throws ParseException
     * ("invalid_json", "bad_claim:<field>") or DuplicateException ("duplicate_pupil").
     * $nowMs: Unix milliseconds, null for the clock; $counter: null for this directory's own.
     * @param string|array<string, mixed> $claim
     */
    public function match(string|array $claim, string $today, ?int $nowMs = null, ?DateCounter $counter = null): Decision
    {
        return Identity::decide($this->call($claim, $today, $nowMs, $counter));
    }

    /**
     * As match(), giving only the verdict (status, reason, user message): no JSON copied or decoded.
     * @param string|array<string, mixed> $claim
     */
    public function matchOutcome(string|array $claim, string $today, ?int $nowMs = null,
                                 ?DateCounter $counter = null): DecisionOutcome
    {
        return Identity::outcome($this->call($claim, $today, $nowMs, $counter));
    }

    /** @param string|array<string, mixed> $claim */
    private function call(string|array $claim, string $today, ?int $nowMs, ?DateCounter $counter): \Closure
    {
        $json = Identity::claimJson($claim);
        $t = Identity::today($today);
        $now = $nowMs ?? FFI::nowMs(); // int64_t: every PHP int fits
        $c = ($counter ?? ($this->counter ??= new DateCounter()))->handle;
        $dir = $this->handle;
        return static fn ($ffi, $out) => $ffi->sesame_directory_match($out, $dir, $c, $json, strlen($json), $t, $now);
    }
}
