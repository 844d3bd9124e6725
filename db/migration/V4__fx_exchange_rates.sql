-- UN operational rates of exchange: units of a currency per 1 USD, effective from a date.
CREATE TABLE exchange_rate (
    id             BIGINT        NOT NULL AUTO_INCREMENT,
    currency       VARCHAR(3)      NOT NULL,
    effective_date DATE          NOT NULL,
    units_per_usd  DECIMAL(19,8) NOT NULL,
    version        BIGINT        NOT NULL DEFAULT 0,
    created_at     DATETIME(6)   NOT NULL,
    created_by     VARCHAR(60)   NOT NULL,
    updated_at     DATETIME(6)   NOT NULL,
    updated_by     VARCHAR(60)   NOT NULL,
    CONSTRAINT pk_exchange_rate PRIMARY KEY (id),
    CONSTRAINT uk_exchange_rate_currency_date UNIQUE (currency, effective_date),
    CONSTRAINT ck_exchange_rate_positive CHECK (units_per_usd > 0)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE exchange_rate_aud (
    id             BIGINT        NOT NULL,
    rev            BIGINT        NOT NULL,
    revtype        TINYINT,
    currency       VARCHAR(3),
    effective_date DATE,
    units_per_usd  DECIMAL(19,8),
    CONSTRAINT pk_exchange_rate_aud PRIMARY KEY (id, rev),
    CONSTRAINT fk_exchange_rate_aud_revision FOREIGN KEY (rev) REFERENCES revision (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
