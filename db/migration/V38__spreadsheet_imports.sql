-- Spreadsheets of donors, pledges and agreements, kept from their upload (the dry run reads them
-- again, so that what it shows is always checked against what is recorded now) to their storing:
-- who uploaded and who confirmed, and what was created.
CREATE TABLE spreadsheet_import (
    id                  BIGINT        NOT NULL AUTO_INCREMENT,
    sha256              VARCHAR(64)   NOT NULL,
    locale              VARCHAR(20)   NOT NULL,
    status              VARCHAR(20)   NOT NULL,
    uploaded_by         VARCHAR(60)   NOT NULL,
    uploaded_at         DATETIME(6)   NOT NULL,
    stored_by           VARCHAR(60),
    stored_at           DATETIME(6),
    donors_created      INT,
    pledges_created     INT,
    agreements_created  INT,
    instalments_created INT,
    CONSTRAINT pk_spreadsheet_import PRIMARY KEY (id),
    CONSTRAINT ck_spreadsheet_import_status CHECK (status IN ('UPLOADED', 'STORED'))
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE spreadsheet_import_file (
    id        BIGINT       NOT NULL AUTO_INCREMENT,
    import_id BIGINT       NOT NULL,
    file_name VARCHAR(255) NOT NULL,
    content   LONGBLOB     NOT NULL,
    CONSTRAINT pk_spreadsheet_import_file PRIMARY KEY (id),
    CONSTRAINT fk_spreadsheet_import_file FOREIGN KEY (import_id) REFERENCES spreadsheet_import (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- One row, locked by each confirmation: imports store one at a time (see SpreadsheetImports.confirm).
CREATE TABLE spreadsheet_import_lock (
    id INT NOT NULL,
    CONSTRAINT pk_spreadsheet_import_lock PRIMARY KEY (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

INSERT INTO spreadsheet_import_lock (id) VALUES (1);
