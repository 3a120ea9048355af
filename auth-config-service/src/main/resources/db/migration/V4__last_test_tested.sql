-- lastTest now has the shape connections use (libs/probes ProbeResult), which says whether anything was tested.
-- Every stored outcome was written as a test that ran.
UPDATE auth_configs SET last_test = last_test || '{"tested": true}' WHERE last_test IS NOT NULL AND NOT last_test ? 'tested';
