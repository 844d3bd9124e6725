-- The books: one append-only, hash-chained journal of every money event, its chart of accounts
-- and fund segments, manual entries and period closes. Portable: MySQL 8.4, MariaDB 10.11, H2
-- (MySQL mode). Nothing in journal_entry or journal_line is ever updated or deleted; a
-- correction is a new entry. See docs/adr/0004-append-only-hash-chained-journal.md.

CREATE TABLE ledger_account (
    code     VARCHAR(40)  NOT NULL,
    name     VARCHAR(200) NOT NULL,
    kind     VARCHAR(20)  NOT NULL,
    position INT          NOT NULL,
    CONSTRAINT pk_ledger_account PRIMARY KEY (code),
    CONSTRAINT ck_ledger_account_kind CHECK (kind IN ('ASSET', 'LIABILITY', 'NET_ASSETS', 'REVENUE', 'EXPENSE'))
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

INSERT INTO ledger_account (code, name, kind, position) VALUES
    ('CASH', 'Cash and cash equivalents', 'ASSET', 100),
    ('RECEIVABLE', 'Contributions receivable', 'ASSET', 110),
    ('RECEIVABLE_FX', 'Contributions receivable: exchange revaluation', 'ASSET', 115),
    ('NET_ASSETS', 'Net assets (fund balance)', 'NET_ASSETS', 300),
    ('REV_GENERAL', 'Contribution revenue: CPCJF general-purpose', 'REVENUE', 400),
    ('REV_SPECIAL', 'Contribution revenue: CPCJF special-purpose', 'REVENUE', 410),
    ('REV_DIRECT', 'Contribution revenue: direct to a UNODC project', 'REVENUE', 420),
    ('REV_PNI', 'Contribution revenue: through a programme network institute', 'REVENUE', 430),
    ('REV_IN_KIND', 'Contribution revenue: in-kind', 'REVENUE', 440),
    ('REFUNDS', 'Refunds to donors', 'REVENUE', 450),
    ('PSC_INCOME', 'Programme support costs income', 'REVENUE', 460),
    ('OTHER_INCOME', 'Other income (interest and other)', 'REVENUE', 470),
    ('FX_REALISED', 'Realised exchange gains and losses', 'REVENUE', 480),
    ('FX_UNREALISED', 'Unrealised exchange gains and losses', 'REVENUE', 490),
    ('EXP_STAFF', 'Expenditure: staff', 'EXPENSE', 500),
    ('EXP_CONSULTANTS', 'Expenditure: consultants', 'EXPENSE', 510),
    ('EXP_TRAVEL', 'Expenditure: travel', 'EXPENSE', 520),
    ('EXP_CONTRACTUAL_SERVICES', 'Expenditure: contractual services', 'EXPENSE', 530),
    ('EXP_WORKSHOPS_AND_TRAINING', 'Expenditure: workshops and training', 'EXPENSE', 540),
    ('EXP_EQUIPMENT', 'Expenditure: equipment', 'EXPENSE', 550),
    ('EXP_GRANTS', 'Expenditure: grants', 'EXPENSE', 560),
    ('EXP_GENERAL_OPERATING', 'Expenditure: general operating', 'EXPENSE', 570),
    ('PSC_EXPENSE', 'Programme support costs charged to projects', 'EXPENSE', 600),
    ('IN_KIND_EXPENSE', 'In-kind goods and services used', 'EXPENSE', 610);

CREATE TABLE fund_segment (
    code     VARCHAR(20)  NOT NULL,
    name     VARCHAR(200) NOT NULL,
    position INT          NOT NULL,
    CONSTRAINT pk_fund_segment PRIMARY KEY (code)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

INSERT INTO fund_segment (code, name, position) VALUES
    ('GENERAL', 'General-purpose funds', 10),
    ('SPECIAL', 'Special-purpose funds', 20),
    ('PSC', 'Programme support costs', 30);

-- One entry per money event: (source_type, source_id) is unique, so an event is never posted
-- twice. hash = SHA-256 of prev_hash + the entry's canonical content (JournalCanonicalForm).
CREATE TABLE journal_entry (
    id              BIGINT       NOT NULL AUTO_INCREMENT,
    accounting_date DATE         NOT NULL,
    period          CHAR(7)      NOT NULL,
    posted_at       DATETIME(6)  NOT NULL,
    posted_by       VARCHAR(60)  NOT NULL,
    source_type     VARCHAR(40)  NOT NULL,
    source_id       BIGINT       NOT NULL,
    description     VARCHAR(500) NOT NULL,
    prev_hash       CHAR(64)     NOT NULL,
    hash            CHAR(64)     NOT NULL,
    CONSTRAINT pk_journal_entry PRIMARY KEY (id),
    CONSTRAINT uk_journal_entry_source UNIQUE (source_type, source_id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE INDEX ix_journal_entry_date ON journal_entry (accounting_date, id);

-- Lines carry the entry's accounting date, so that reports scan lines by date alone. Amounts in
-- USD at 2 decimals, one side zero; the original amount, currency, rate and rate date when the
-- event was in another currency; and the dimensions reports filter on.
CREATE TABLE journal_line (
    id              BIGINT        NOT NULL AUTO_INCREMENT,
    entry_id        BIGINT        NOT NULL,
    line_no         INT           NOT NULL,
    accounting_date DATE          NOT NULL,
    account_code    VARCHAR(40)   NOT NULL,
    segment_code    VARCHAR(20)   NOT NULL,
    debit_usd       DECIMAL(19,2) NOT NULL,
    credit_usd      DECIMAL(19,2) NOT NULL,
    original_amount DECIMAL(19,4),
    currency        CHAR(3),
    rate            DECIMAL(19,8),
    rate_date       DATE,
    donor_id        BIGINT,
    donor_type      VARCHAR(50),
    agreement_id    BIGINT,
    funding_window  VARCHAR(40),
    earmark         VARCHAR(200),
    project_id      BIGINT,
    activity_id     BIGINT,
    budget_category VARCHAR(40),
    CONSTRAINT pk_journal_line PRIMARY KEY (id),
    CONSTRAINT uk_journal_line_no UNIQUE (entry_id, line_no),
    CONSTRAINT fk_journal_line_entry FOREIGN KEY (entry_id) REFERENCES journal_entry (id),
    CONSTRAINT fk_journal_line_account FOREIGN KEY (account_code) REFERENCES ledger_account (code),
    CONSTRAINT fk_journal_line_segment FOREIGN KEY (segment_code) REFERENCES fund_segment (code),
    CONSTRAINT ck_journal_line_sides CHECK (debit_usd >= 0 AND credit_usd >= 0
        AND ((debit_usd > 0 AND credit_usd = 0) OR (credit_usd > 0 AND debit_usd = 0)))
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE INDEX ix_journal_line_date ON journal_line (accounting_date, id);
-- Sums by account over a date range (trial balance, fund statement) from the index alone.
CREATE INDEX ix_journal_line_account ON journal_line (account_code, accounting_date, segment_code, debit_usd, credit_usd);
CREATE INDEX ix_journal_line_agreement ON journal_line (agreement_id, accounting_date);
CREATE INDEX ix_journal_line_donor ON journal_line (donor_id, accounting_date);
CREATE INDEX ix_journal_line_project ON journal_line (project_id, accounting_date);

-- The end of the chain. Posting locks this row (SELECT ... FOR UPDATE), so entries are chained in
-- the order their transactions commit.
CREATE TABLE journal_chain_head (
    id            INT      NOT NULL,
    last_entry_id BIGINT,
    last_hash     CHAR(64) NOT NULL,
    CONSTRAINT pk_journal_chain_head PRIMARY KEY (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

INSERT INTO journal_chain_head (id, last_entry_id, last_hash)
VALUES (1, NULL, '0000000000000000000000000000000000000000000000000000000000000000');

-- A manual entry's reason; its journal entry has source type MANUAL and this id as source id.
CREATE TABLE manual_entry (
    id         BIGINT       NOT NULL AUTO_INCREMENT,
    reason     VARCHAR(500) NOT NULL,
    entered_at DATETIME(6)  NOT NULL,
    entered_by VARCHAR(60)  NOT NULL,
    CONSTRAINT pk_manual_entry PRIMARY KEY (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- A close of a month or a year. A date is closed while a close row covers it and is not
-- reopened; closing again after a reopening is a new row. The snapshot is the canonical JSON of
-- the period's reports as they were at close, and fingerprint its SHA-256.
CREATE TABLE period_close (
    id            BIGINT       NOT NULL AUTO_INCREMENT,
    kind          VARCHAR(10)  NOT NULL,
    period_start  DATE         NOT NULL,
    period_end    DATE         NOT NULL,
    closed_at     DATETIME(6)  NOT NULL,
    closed_by     VARCHAR(60)  NOT NULL,
    reopened_at   DATETIME(6),
    reopened_by   VARCHAR(60),
    reopen_reason VARCHAR(500),
    snapshot      LONGTEXT     NOT NULL,
    fingerprint   CHAR(64)     NOT NULL,
    version       BIGINT       NOT NULL DEFAULT 0,
    created_at    DATETIME(6)  NOT NULL,
    created_by    VARCHAR(60)  NOT NULL,
    updated_at    DATETIME(6)  NOT NULL,
    updated_by    VARCHAR(60)  NOT NULL,
    CONSTRAINT pk_period_close PRIMARY KEY (id),
    CONSTRAINT ck_period_close_kind CHECK (kind IN ('MONTH', 'YEAR'))
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE INDEX ix_period_close_dates ON period_close (period_start, period_end);

CREATE TABLE period_close_aud (
    id            BIGINT      NOT NULL,
    rev           BIGINT      NOT NULL,
    revtype       TINYINT,
    kind          VARCHAR(10),
    period_start  DATE,
    period_end    DATE,
    closed_at     DATETIME(6),
    closed_by     VARCHAR(60),
    reopened_at   DATETIME(6),
    reopened_by   VARCHAR(60),
    reopen_reason VARCHAR(500),
    fingerprint   CHAR(64),
    CONSTRAINT pk_period_close_aud PRIMARY KEY (id, rev),
    CONSTRAINT fk_period_close_aud_revision FOREIGN KEY (rev) REFERENCES revision (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
