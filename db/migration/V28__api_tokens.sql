-- Personal API tokens for scripts, instead of a password on every call. Only a keyed hash
-- (HMAC-SHA-256) of each token is stored: checking one costs microseconds, not a bcrypt round, and
-- a copy of this table opens nothing. The hint is the token's first characters, to tell tokens apart.
CREATE TABLE api_token (
    id            BIGINT       NOT NULL AUTO_INCREMENT,
    user_id       BIGINT       NOT NULL,
    name          VARCHAR(100) NOT NULL,
    scope         VARCHAR(10)  NOT NULL,
    token_hash    CHAR(64)     NOT NULL,
    hint          VARCHAR(12)  NOT NULL,
    expires_at    DATETIME(6)  NOT NULL,
    last_used_at  DATETIME(6),
    revoked_at    DATETIME(6),
    revoked_by    VARCHAR(60),
    version       BIGINT       NOT NULL DEFAULT 0,
    created_at    DATETIME(6)  NOT NULL,
    created_by    VARCHAR(60)  NOT NULL,
    updated_at    DATETIME(6)  NOT NULL,
    updated_by    VARCHAR(60)  NOT NULL,
    CONSTRAINT pk_api_token PRIMARY KEY (id),
    CONSTRAINT uk_api_token_hash UNIQUE (token_hash),
    CONSTRAINT fk_api_token_user FOREIGN KEY (user_id) REFERENCES app_user (id),
    CONSTRAINT ck_api_token_scope CHECK (scope IN ('READ', 'WRITE'))
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE INDEX ix_api_token_user ON api_token (user_id);

CREATE TABLE api_token_aud (
    id            BIGINT       NOT NULL,
    rev           BIGINT       NOT NULL,
    revtype       TINYINT,
    user_id       BIGINT,
    name          VARCHAR(100),
    scope         VARCHAR(10),
    hint          VARCHAR(12),
    expires_at    DATETIME(6),
    revoked_at    DATETIME(6),
    revoked_by    VARCHAR(60),
    CONSTRAINT pk_api_token_aud PRIMARY KEY (id, rev),
    CONSTRAINT fk_api_token_aud_revision FOREIGN KEY (rev) REFERENCES revision (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- Secrets the application makes for itself on first use, shared by every instance (the key of
-- the token hashes, unless TAFUND_TOKEN_KEY gives one).
CREATE TABLE app_secret (
    name    VARCHAR(60)  NOT NULL,
    secret  VARCHAR(200) NOT NULL,
    CONSTRAINT pk_app_secret PRIMARY KEY (name)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
