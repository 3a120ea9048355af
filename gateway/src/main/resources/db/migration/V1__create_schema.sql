-- Flyway creates the gateway schema and records this baseline.
SELECT 1;
