<?php
declare(strict_types=1);

namespace Ent;

/**
 * The school's records and the accounts, in SQL (PDO: SQLite by default, PostgreSQL through a DSN;
 * the same queries). A PHP-FPM worker keeps nothing between requests, so each decision fetches
 * only its candidates, by index, and hands them to Identity::matchCandidates().
 */
final class Records
{
    public function __construct(private readonly \PDO $pdo)
    {
    }

    public static function connect(Config $config): self
    {
        $pdo = new \PDO($config->dsn, $config->dbUser, $config->dbPassword, [
            \PDO::ATTR_ERRMODE => \PDO::ERRMODE_EXCEPTION,
            \PDO::ATTR_DEFAULT_FETCH_MODE => \PDO::FETCH_ASSOC,
            \PDO::ATTR_EMULATE_PREPARES => false,
        ]);
        if ($pdo->getAttribute(\PDO::ATTR_DRIVER_NAME) === 'sqlite') {
            $pdo->exec('PRAGMA foreign_keys = ON');
            $pdo->exec('PRAGMA busy_timeout = 5000'); // several FPM workers write the same file
        }
        return new self($pdo);
    }

    public function pdo(): \PDO
    {
        return $this->pdo;
    }

    /**
     * The candidates of one decision in the directory JSON format: the guardians holding $e164
     * (index guardians_phone_e164) and, when $nameKeys are given (FranceConnect), under one of
     * them (primary key of guardian_name_keys); their links and linked pupils. Two queries.
     *
     * On the FranceConnect path with a typed number the library keeps only the guardians holding
     * it, so holding it AND matching a name key gives the same verdict as the whole directory,
     * in a few rows even for the most common family names of an académie (only the log detail of
     * a failure differs: fc_no_match where names matched someone without this number).
     * @param list<string> $nameKeys
     * @return array{guardians: list<array<string, ?string>>, pupils: list<array<string, string>>, links: list<array<string, mixed>>}
     */
    public function candidates(?string $e164, array $nameKeys): array
    {
        $where = [];
        $args = [];
        if ($e164 !== null) {
            $where[] = 'phone_e164 = ?';
            $args[] = $e164;
        }
        if ($nameKeys !== []) {
            $where[] = 'id IN (SELECT guardian_id FROM guardian_name_keys WHERE name_key IN ('
                . implode(',', array_fill(0, count($nameKeys), '?')) . '))';
            array_push($args, ...$nameKeys);
        }
        if ($where === []) {
            return ['guardians' => [], 'pupils' => [], 'links' => []];
        }
        $guardians = $this->all('SELECT id, nom, nom_naissance, prenom, phone_mobile FROM guardians WHERE '
            . implode(' AND ', $where) . ' ORDER BY id', $args);
        if ($guardians === []) {
            return ['guardians' => [], 'pupils' => [], 'links' => []];
        }
        $ids = array_column($guardians, 'id');
        $rows = $this->all('SELECT l.guardian_id, l.pupil_id, l.legal_representative, p.birthdate FROM links l'
            . ' JOIN pupils p ON p.id = l.pupil_id WHERE l.guardian_id IN (' . implode(',', array_fill(0, count($ids), '?'))
            . ') ORDER BY l.guardian_id, l.pupil_id', $ids);
        $pupils = [];
        $links = [];
        foreach ($rows as $r) {
            $pupils[$r['pupil_id']] = ['id' => $r['pupil_id'], 'birthdate' => $r['birthdate']];
            $links[] = ['guardian' => $r['guardian_id'], 'pupil' => $r['pupil_id'],
                'legal_representative' => (bool) $r['legal_representative']];
        }
        return ['guardians' => $guardians, 'pupils' => array_values($pupils), 'links' => $links];
    }

    /** @return array<string, ?string>|null */
    public function guardian(string $id): ?array
    {
        return $this->all('SELECT id, nom, nom_naissance, prenom, phone_mobile, phone_e164 FROM guardians WHERE id = ?', [$id])[0] ?? null;
    }

    /**
     * The pupils the guardian may confirm: only those with a legal link are shown (identity.md, step 6).
     * @return list<array{id: string, nom: ?string, prenom: ?string, birthdate: string}>
     */
    public function legalPupils(string $guardianId): array
    {
        return $this->all('SELECT p.id, p.nom, p.prenom, p.birthdate FROM links l JOIN pupils p ON p.id = l.pupil_id'
            . ' WHERE l.guardian_id = ? AND l.legal_representative = TRUE ORDER BY p.birthdate, p.id', [$guardianId]);
    }

    public function accountLogin(string $guardianId): ?string
    {
        $row = $this->all('SELECT login FROM accounts WHERE guardian_id = ?', [$guardianId])[0] ?? null;
        return $row === null ? null : $row['login'];
    }

    /**
     * Stores the activated account: a login unique in the database (Identity::loginId() told which
     * suffixes are taken, the UNIQUE constraint settles a race), the Argon2id hash, the attached
     * pupils. Returns the login.
     * @param list<string> $pupils
     */
    public function createAccount(string $guardianId, string $family, string $given, string $hash, array $pupils): string
    {
        for ($try = 0; ; $try++) {
            $first = \Sesame\Identity::loginId($family, $given)->login;
            $base = rtrim($first, '0123456789');
            $taken = array_column($this->all('SELECT login FROM accounts WHERE login_base = ?', [$base]), 'login');
            $login = \Sesame\Identity::loginId($family, $given, $taken)->login;
            $this->pdo->beginTransaction();
            try {
                $this->run('INSERT INTO accounts (guardian_id, login, login_base, password_hash, activated_at) VALUES (?, ?, ?, ?, ?)',
                    [$guardianId, $login, $base, $hash, gmdate('c')]);
                foreach ($pupils as $pupil) {
                    $this->run('INSERT INTO account_pupils (guardian_id, pupil_id) VALUES (?, ?)', [$guardianId, $pupil]);
                }
                $this->pdo->commit();
                return $login;
            } catch (\PDOException $e) {
                $this->pdo->rollBack();
                // 23000 (SQLite) / 23505 (PostgreSQL): a unique constraint. Another worker took
                // the login meanwhile: draw again; the guardian already activated: the caller says so.
                if (!in_array((string) $e->getCode(), ['23000', '23505'], true) || $try >= 3
                    || $this->accountLogin($guardianId) !== null) {
                    throw $e;
                }
            }
        }
    }

    /** @return list<array<string, mixed>> */
    private function all(string $sql, array $args): array
    {
        $st = $this->pdo->prepare($sql);
        $st->execute($args);
        return $st->fetchAll();
    }

    private function run(string $sql, array $args): void
    {
        $this->pdo->prepare($sql)->execute($args);
    }
}
