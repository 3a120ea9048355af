-- lastTest now has one shape with auth configs' (libs/probes ProbeResult): an outcome where nothing could be
-- tested says ok (nothing failed), with no category and no latency, instead of leaving those out.
UPDATE connections SET last_test = last_test || '{"ok": true, "category": null, "latencyMs": 0}'
WHERE last_test ->> 'tested' = 'false' AND NOT last_test ? 'ok';
