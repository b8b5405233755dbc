<?php
// Loads a school's JSON export (the directory format, docs/schema/directory.schema.json) into the
// database: php bin/import.php school.json
// The database: SESAME_WEB_DSN (default sqlite:var/ent.sqlite), SESAME_WEB_DB_USER, SESAME_WEB_DB_PASSWORD.
// The library reads the file first (Directory::loadJson: duplicate ids, dangling links, invalid
// birth dates fail here, naming the record); then one transaction creates the schema if needed and
// upserts the records with their lookup keys (E.164 of the mobile, name keys). Prints counts only.
declare(strict_types=1);

require __DIR__ . '/../src/bootstrap.php';

use Ent\NameKeys;
use Sesame\Directory;
use Sesame\Phone;

if ($argc !== 2 || in_array($argv[1], ['-h', '--help'], true)) {
    fwrite(STDERR, "usage: php bin/import.php SCHOOL.json\n");
    exit(2);
}
$file = $argv[1];
try {
    $report = Directory::loadJson($file)->report();
} catch (\Sesame\SesameException $e) {
    fwrite(STDERR, "import: $file refused: {$e->getMessage()}\n");
    exit(1);
}
$school = json_decode((string) file_get_contents($file), true, 512, JSON_THROW_ON_ERROR);

$env = static fn (string $name): ?string => (($v = getenv($name)) !== false && $v !== '') ? $v : null;
$dsn = $env('SESAME_WEB_DSN') ?? 'sqlite:' . dirname(__DIR__) . '/var/ent.sqlite';
$pdo = new PDO($dsn, $env('SESAME_WEB_DB_USER'), $env('SESAME_WEB_DB_PASSWORD'),
    [PDO::ATTR_ERRMODE => PDO::ERRMODE_EXCEPTION, PDO::ATTR_EMULATE_PREPARES => false]);
$sqlite = $pdo->getAttribute(PDO::ATTR_DRIVER_NAME) === 'sqlite';
if ($sqlite) {
    $pdo->exec('PRAGMA foreign_keys = ON');
    $pdo->exec('PRAGMA journal_mode = WAL'); // readers (the FPM workers) do not wait for a writer
}
foreach (array_filter(array_map('trim', explode(';', (string) preg_replace('/--[^\n]*/', '',
    (string) file_get_contents(__DIR__ . '/../schema.sql'))))) as $statement) {
    $pdo->exec($statement);
}

$pdo->beginTransaction();
$guardian = $pdo->prepare('INSERT INTO guardians (id, civilite, nom, nom_naissance, prenom, phone_mobile, phone_e164)'
    . ' VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT (id) DO UPDATE SET civilite = excluded.civilite, nom = excluded.nom,'
    . ' nom_naissance = excluded.nom_naissance, prenom = excluded.prenom, phone_mobile = excluded.phone_mobile,'
    . ' phone_e164 = excluded.phone_e164');
$dropKeys = $pdo->prepare('DELETE FROM guardian_name_keys WHERE guardian_id = ?');
$key = $pdo->prepare('INSERT INTO guardian_name_keys (name_key, guardian_id) VALUES (?, ?)');
$pupil = $pdo->prepare('INSERT INTO pupils (id, nom, prenom, birthdate) VALUES (?, ?, ?, ?) ON CONFLICT (id) DO UPDATE'
    . ' SET nom = excluded.nom, prenom = excluded.prenom, birthdate = excluded.birthdate');
$link = $pdo->prepare('INSERT INTO links (guardian_id, pupil_id, relation, responsabilite, legal_representative)'
    . ' VALUES (?, ?, ?, ?, ?) ON CONFLICT (guardian_id, pupil_id) DO UPDATE SET relation = excluded.relation,'
    . ' responsabilite = excluded.responsabilite, legal_representative = excluded.legal_representative');
$counts = ['guardians' => 0, 'mobiles' => 0, 'name_keys' => 0, 'pupils' => 0, 'links' => 0];
foreach ($school['guardians'] ?? [] as $g) {
    $phone = $g['phone_mobile'] ?? null;
    $number = $phone === null ? null : Phone::normalize($phone);
    $e164 = $number !== null && $number->ok && $number->isMobile ? $number->e164 : null;
    $guardian->execute([$g['id'], $g['civilite'] ?? null, $g['nom'] ?? null, $g['nom_naissance'] ?? null,
        $g['prenom'] ?? null, $phone, $e164]);
    $dropKeys->execute([$g['id']]);
    foreach (NameKeys::of([$g['nom'] ?? null, $g['nom_naissance'] ?? null]) as $k) {
        $key->execute([$k, $g['id']]);
        $counts['name_keys']++;
    }
    $counts['guardians']++;
    $counts['mobiles'] += $e164 !== null ? 1 : 0;
}
foreach ($school['pupils'] ?? [] as $p) {
    $pupil->execute([$p['id'], $p['nom'] ?? null, $p['prenom'] ?? null, $p['birthdate']]);
    $counts['pupils']++;
}
foreach ($school['links'] ?? [] as $l) {
    $link->bindValue(1, $l['guardian']);
    $link->bindValue(2, $l['pupil']);
    $link->bindValue(3, $l['relation'] ?? null);
    $link->bindValue(4, $l['responsabilite'] ?? null);
    $link->bindValue(5, (bool) ($l['legal_representative'] ?? false), PDO::PARAM_BOOL);
    $link->execute();
    $counts['links']++;
}
$pdo->commit();
if (!$sqlite) {
    $pdo->exec('ANALYZE');
}
// Guardians the library cannot reach by a field (an invalid mobile...): counted here, listed by id
// by Directory::report() for the school to fix.
echo json_encode($counts + ['unreachable' => count($report['unreachable'] ?? [])]), "\n";
