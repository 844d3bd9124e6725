-- An event dated before a later event of its own agreement (a receipt dated 26 July recorded
-- after a reversal dated 1 August, an amendment dated before a receipt already booked) changes
-- the position each later event was posted from: what was outstanding, hence what a receipt
-- relieved, what was realised in exchange and what was an overpayment. The later events stay as
-- they were posted; the difference to what their rules give now is booked on each one's own
-- date, so that every month end between them carries what was then outstanding. One row per
-- such adjustment; the journal entry (POSITION_ADJUSTMENT) has its lines.
CREATE TABLE position_adjustment (
    id              BIGINT        NOT NULL AUTO_INCREMENT,
    agreement_id    BIGINT        NOT NULL,
    target          VARCHAR(40)   NOT NULL,
    target_id       BIGINT        NOT NULL,
    cause           VARCHAR(40)   NOT NULL,
    cause_id        BIGINT        NOT NULL,
    adjusted_on     DATE          NOT NULL,
    receivable_usd  DECIMAL(19,4) NOT NULL,
    version         BIGINT        NOT NULL DEFAULT 0,
    created_at      DATETIME(6)   NOT NULL,
    created_by      VARCHAR(60)   NOT NULL,
    updated_at      DATETIME(6)   NOT NULL,
    updated_by      VARCHAR(60)   NOT NULL,
    CONSTRAINT pk_position_adjustment PRIMARY KEY (id),
    CONSTRAINT fk_position_adjustment_agreement FOREIGN KEY (agreement_id) REFERENCES agreement (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE INDEX ix_position_adjustment_agreement ON position_adjustment (agreement_id);
