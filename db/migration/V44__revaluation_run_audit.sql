-- A revaluation run appears in the audit trail: who ran it, when, for which period end, and the
-- exchange gain or loss it booked. Runs made before this version have no revision.
CREATE TABLE revaluation_run_aud (
    id            BIGINT        NOT NULL,
    rev           BIGINT        NOT NULL,
    revtype       TINYINT,
    period_end    DATE,
    gain_loss_usd DECIMAL(19,4),
    CONSTRAINT pk_revaluation_run_aud PRIMARY KEY (id, rev),
    CONSTRAINT fk_revaluation_run_aud_revision FOREIGN KEY (rev) REFERENCES revision (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
