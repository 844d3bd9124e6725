-- The dates on which the Fund owes the donor a report under an agreement.
CREATE TABLE agreement_report_due (
    agreement_id BIGINT NOT NULL,
    due_on       DATE   NOT NULL,
    CONSTRAINT pk_agreement_report_due PRIMARY KEY (agreement_id, due_on),
    CONSTRAINT fk_agreement_report_due_agreement FOREIGN KEY (agreement_id) REFERENCES agreement (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE agreement_report_due_aud (
    rev          BIGINT NOT NULL,
    revtype      TINYINT,
    agreement_id BIGINT NOT NULL,
    due_on       DATE   NOT NULL,
    CONSTRAINT pk_agreement_report_due_aud PRIMARY KEY (rev, agreement_id, due_on),
    CONSTRAINT fk_agreement_report_due_aud_revision FOREIGN KEY (rev) REFERENCES revision (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
