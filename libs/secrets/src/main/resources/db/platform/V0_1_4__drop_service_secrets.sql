-- V0_1_3 created a secrets table in each service's own schema. The local secret store now lives in a schema
-- every service shares (db/secrets, run by LocalSecretsSchema), as Vault does in a cluster, so that a connection
-- can use its auth config's client secret. V0_1_3 stays unchanged for the databases that applied it.
DROP TABLE IF EXISTS secrets;
