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
    public DateCounter $counter;

    private function __construct(\FFI\CData $handle)
    {
        $this->handle = $handle;
        $this->counter = new DateCounter(); // 3 wrong dates per pupil per 24 h unless one is passed
    }

    public static function create(): self
    {
        $ffi = FFI::get();
        $h = $ffi->new('sesame_directory*');
        FFI::check($ffi->sesame_directory_new(\FFI::addr($h)));
        return new self($h);
    }

    /** Loads the JSON file; errors name the record (ParseException, DuplicateException, NotFoundException, IoException). */
    public static function loadJson(string $path): self
    {
        $ffi = FFI::get();
        $h = $ffi->new('sesame_directory*');
        FFI::check($ffi->sesame_directory_load_json_file(\FFI::addr($h), $path, strlen($path)));
        return new self($h);
    }

    /** @param string|array<string, mixed> $document */
    public static function fromJson(string|array $document): self
    {
        $json = is_array($document) ? json_encode($document, JSON_THROW_ON_ERROR | JSON_UNESCAPED_UNICODE) : $document;
        $ffi = FFI::get();
        $h = $ffi->new('sesame_directory*');
        FFI::check($ffi->sesame_directory_load_json(\FFI::addr($h), $json, strlen($json)));
        return new self($h);
    }

    public function __destruct()
    {
        FFI::get()->sesame_directory_free($this->handle);
    }

    public function addGuardian(string $id, string $nom, string $prenom, ?string $phoneMobile = null,
                                ?string $nomNaissance = null, ?string $civilite = null): void
    {
        $phone = $phoneMobile ?? '';
        $nn = $nomNaissance ?? '';
        $civ = $civilite ?? '';
        FFI::check(FFI::get()->sesame_directory_add_guardian($this->handle, $id, strlen($id), $civ, strlen($civ),
            $nom, strlen($nom), $nn, strlen($nn), $prenom, strlen($prenom), $phone, strlen($phone)));
    }

    public function addPupil(string $id, string $birthdate, string $nom = '', string $prenom = ''): void
    {
        FFI::check(FFI::get()->sesame_directory_add_pupil($this->handle, $id, strlen($id), $nom, strlen($nom),
            $prenom, strlen($prenom), $birthdate, strlen($birthdate)));
    }

    public function addLink(string $guardian, string $pupil, bool $legalRepresentative, string $relation = ''): void
    {
        FFI::check(FFI::get()->sesame_directory_add_link($this->handle, $guardian, strlen($guardian), $pupil,
            strlen($pupil), $relation, strlen($relation), $legalRepresentative));
    }

    /** Counts and the guardians unreachable by a field (ids only). */
    public function report(): array
    {
        $ffi = FFI::get();
        $json = FFI::readSized(fn ($o, $c, $n) => $ffi->sesame_directory_report($o, $c, $n, $this->handle));
        return json_decode($json, true, 512, JSON_THROW_ON_ERROR);
    }

    /**
     * Decides a claim (the CLI's claim object, as an array or JSON text). Throws ParseException
     * ("invalid_json", "bad_claim:<field>") or DuplicateException ("duplicate_pupil").
     * @param string|array<string, mixed> $claim
     */
    public function match(string|array $claim, string $today, ?int $nowMs = null, ?DateCounter $counter = null): Decision
    {
        $json = Identity::claimJson($claim);
        $t = Identity::today($today);
        $now = $nowMs ?? (int) floor(microtime(true) * 1000);
        $c = $counter ?? $this->counter;
        return Identity::decide(fn ($ffi, $out) => $ffi->sesame_directory_match(
            $out, $this->handle, $c->handle, $json, strlen($json), $t, $now));
    }
}
