-- Second factors: passkeys (WebAuthn) and TOTP with single-use recovery codes. Required for finance
-- and administrators on the mysql profile (SecondFactorPolicy), and for anyone who enrolled one.

-- The WebAuthn user handle of an account (hex): random, so that a passkey reveals no database id.
CREATE TABLE passkey_user (
    user_id    BIGINT       NOT NULL,
    handle     VARCHAR(128) NOT NULL,
    CONSTRAINT pk_passkey_user PRIMARY KEY (user_id),
    CONSTRAINT uk_passkey_user_handle UNIQUE (handle),
    CONSTRAINT fk_passkey_user_user FOREIGN KEY (user_id) REFERENCES app_user (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- One row per registered passkey; the credential id and handle are lowercase hex (collations here
-- ignore case; base64 would not survive them), credential ids up to 255 bytes. The attestation
-- object is kept because verifying an assertion reads the public key from it.
CREATE TABLE passkey (
    id                      BIGINT        NOT NULL AUTO_INCREMENT,
    user_id                 BIGINT        NOT NULL,
    credential_id           VARCHAR(510)  NOT NULL,
    credential_type         VARCHAR(30)   NOT NULL,
    public_key              BLOB          NOT NULL,
    signature_count         BIGINT        NOT NULL,
    uv_initialized          BOOLEAN       NOT NULL,
    backup_eligible         BOOLEAN       NOT NULL,
    backup_state            BOOLEAN       NOT NULL,
    transports              VARCHAR(200),
    attestation_object      BLOB,
    attestation_client_data BLOB,
    label                   VARCHAR(100)  NOT NULL,
    created_at              DATETIME(6)   NOT NULL,
    last_used_at            DATETIME(6),
    CONSTRAINT pk_passkey PRIMARY KEY (id),
    CONSTRAINT uk_passkey_credential UNIQUE (credential_id),
    CONSTRAINT fk_passkey_user FOREIGN KEY (user_id) REFERENCES app_user (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE INDEX ix_passkey_user ON passkey (user_id);

-- The TOTP secret, encrypted (AES-GCM, key in app_secret): the app must read it back to check a
-- code, so it cannot be hashed. last_step refuses a code used once from being used again.
CREATE TABLE totp_factor (
    user_id     BIGINT       NOT NULL,
    secret      VARCHAR(200) NOT NULL,
    last_step   BIGINT       NOT NULL,
    created_at  DATETIME(6)  NOT NULL,
    CONSTRAINT pk_totp_factor PRIMARY KEY (user_id),
    CONSTRAINT fk_totp_factor_user FOREIGN KEY (user_id) REFERENCES app_user (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- Ten single-use codes per account, stored as keyed hashes (HMAC-SHA-256).
CREATE TABLE recovery_code (
    id          BIGINT       NOT NULL AUTO_INCREMENT,
    user_id     BIGINT       NOT NULL,
    code_hash   CHAR(64)     NOT NULL,
    used_at     DATETIME(6),
    CONSTRAINT pk_recovery_code PRIMARY KEY (id),
    CONSTRAINT uk_recovery_code UNIQUE (user_id, code_hash),
    CONSTRAINT fk_recovery_code_user FOREIGN KEY (user_id) REFERENCES app_user (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- An administrator's reset of a user's factors, told to the user at their next sign-in.
ALTER TABLE app_user ADD COLUMN factors_reset_at DATETIME(6);
ALTER TABLE app_user ADD COLUMN factors_reset_by VARCHAR(60);
