-- The school's records and the activated accounts: the same schema and queries on SQLite (the
-- default, embedded) and PostgreSQL. Phones and names are indexed in the forms the decision
-- looks them up by, computed at import by the library (bin/import.php): the E.164 of the mobile
-- number, and the name keys of every family name (docs/deployment.md, "The school's records").

CREATE TABLE IF NOT EXISTS guardians (
    id            VARCHAR(128) PRIMARY KEY,
    civilite      VARCHAR(16),
    nom           VARCHAR(200),
    nom_naissance VARCHAR(200),
    prenom        VARCHAR(200),
    phone_mobile  VARCHAR(64),          -- as the school recorded it; the library normalizes it again
    phone_e164    VARCHAR(16)           -- Phone::normalize(phone_mobile)->e164 when a mobile, else NULL
);
CREATE INDEX IF NOT EXISTS guardians_phone_e164 ON guardians (phone_e164);

-- 'c:' + compact key of each family-name alternative, 's:' + sorted tokens when there are two or
-- more (identity.md, "Family names"): the FranceConnect path's candidates.
CREATE TABLE IF NOT EXISTS guardian_name_keys (
    name_key    VARCHAR(220) NOT NULL,
    guardian_id VARCHAR(128) NOT NULL REFERENCES guardians (id) ON DELETE CASCADE,
    PRIMARY KEY (name_key, guardian_id)
);

CREATE TABLE IF NOT EXISTS pupils (
    id        VARCHAR(128) PRIMARY KEY,
    nom       VARCHAR(200),
    prenom    VARCHAR(200),
    birthdate CHAR(10) NOT NULL         -- YYYY-MM-DD
);

CREATE TABLE IF NOT EXISTS links (
    guardian_id          VARCHAR(128) NOT NULL REFERENCES guardians (id) ON DELETE CASCADE,
    pupil_id             VARCHAR(128) NOT NULL REFERENCES pupils (id) ON DELETE CASCADE,
    relation             VARCHAR(32),
    responsabilite       VARCHAR(32),
    legal_representative BOOLEAN NOT NULL,
    PRIMARY KEY (guardian_id, pupil_id)
);

CREATE TABLE IF NOT EXISTS accounts (
    guardian_id   VARCHAR(128) PRIMARY KEY REFERENCES guardians (id),
    login         VARCHAR(40) NOT NULL UNIQUE,
    login_base    VARCHAR(40) NOT NULL, -- the login without its digits: the taken suffixes, by index
    password_hash VARCHAR(255) NOT NULL,
    activated_at  VARCHAR(32) NOT NULL
);
CREATE INDEX IF NOT EXISTS accounts_login_base ON accounts (login_base);

CREATE TABLE IF NOT EXISTS account_pupils (
    guardian_id VARCHAR(128) NOT NULL REFERENCES accounts (guardian_id) ON DELETE CASCADE,
    pupil_id    VARCHAR(128) NOT NULL REFERENCES pupils (id),
    PRIMARY KEY (guardian_id, pupil_id)
);
