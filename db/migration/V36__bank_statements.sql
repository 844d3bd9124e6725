-- Bank statements (ISO 20022 camt.053) matched to the instalments donors owe. A statement is known
-- by its account and its own identifier, an entry by its account and the bank's reference, so that
-- a statement imported twice books nothing twice.
CREATE TABLE bank_account (
    id               BIGINT        NOT NULL AUTO_INCREMENT,
    name             VARCHAR(200)  NOT NULL,
    account_number   VARCHAR(60)   NOT NULL,
    currency         VARCHAR(3)    NOT NULL,
    charge_tolerance DECIMAL(19,4) NOT NULL,
    version          BIGINT        NOT NULL DEFAULT 0,
    created_at       DATETIME(6)   NOT NULL,
    created_by       VARCHAR(60)   NOT NULL,
    updated_at       DATETIME(6)   NOT NULL,
    updated_by       VARCHAR(60)   NOT NULL,
    CONSTRAINT pk_bank_account PRIMARY KEY (id),
    CONSTRAINT uk_bank_account_number UNIQUE (account_number),
    CONSTRAINT ck_bank_account_tolerance CHECK (charge_tolerance >= 0)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE bank_statement (
    id            BIGINT        NOT NULL AUTO_INCREMENT,
    account_id    BIGINT        NOT NULL,
    statement_ref VARCHAR(100)  NOT NULL,
    message_ref   VARCHAR(100),
    format        VARCHAR(30)   NOT NULL,
    from_date     DATE,
    to_date       DATE,
    imported_by   VARCHAR(60)   NOT NULL,
    imported_at   DATETIME(6)   NOT NULL,
    CONSTRAINT pk_bank_statement PRIMARY KEY (id),
    CONSTRAINT uk_bank_statement_ref UNIQUE (account_id, statement_ref),
    CONSTRAINT fk_bank_statement_account FOREIGN KEY (account_id) REFERENCES bank_account (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE bank_entry (
    id           BIGINT        NOT NULL AUTO_INCREMENT,
    statement_id BIGINT        NOT NULL,
    account_id   BIGINT        NOT NULL,
    entry_ref    VARCHAR(120)  NOT NULL,
    booked_on    DATE          NOT NULL,
    amount       DECIMAL(19,4) NOT NULL,
    currency     VARCHAR(3)    NOT NULL,
    debtor       VARCHAR(200),
    remittance   VARCHAR(500),
    status       VARCHAR(20)   NOT NULL,
    agreement_id BIGINT,
    score        INT           NOT NULL,
    reason       VARCHAR(300),
    receipt_id   BIGINT,
    approval_id  BIGINT,
    decided_by   VARCHAR(60),
    decided_at   DATETIME(6),
    version      BIGINT        NOT NULL DEFAULT 0,
    CONSTRAINT pk_bank_entry PRIMARY KEY (id),
    CONSTRAINT uk_bank_entry_ref UNIQUE (account_id, entry_ref),
    CONSTRAINT fk_bank_entry_statement FOREIGN KEY (statement_id) REFERENCES bank_statement (id),
    CONSTRAINT fk_bank_entry_agreement FOREIGN KEY (agreement_id) REFERENCES agreement (id),
    CONSTRAINT ck_bank_entry_status CHECK (status IN ('MATCHED', 'SUGGESTED', 'UNMATCHED', 'BOOKED', 'PENDING'))
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE INDEX ix_bank_entry_statement ON bank_entry (statement_id, status);
