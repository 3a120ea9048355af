-- Flyway creates the connections schema and records this baseline; tables arrive with the features that own them.
SELECT 1;
