-- Flyway creates the audit schema and records this baseline; tables arrive with the features that own them.
SELECT 1;
