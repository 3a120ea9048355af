{{/*
What each service is, from its code rather than a setting: its HTTP port, the public paths the Ingress routes to
it (deploy/chart-checks compares them with the paths in the service's OpenAPI document), and what it needs:
the secret store, the public base URL (under the service's own setting), the services it calls inside the cluster
(with a token its OIDC client gets by client credentials), whether it calls OAuth2 providers and tenants' systems
(token URLs, connection tests, revocations: the egress NetworkPolicy opens public addresses to it), audit-service's
owner and retention roles, and whether it sends the operator's OAuth2 apps' secrets to token endpoints. Every
template ranges over this map; values.yaml holds how each one runs.
*/}}
{{- define "latchkey.services" -}}
auth-config-service:
  port: 8081
  # /api/v1/caller is served by every service; the Ingress sends it to this one.
  paths: [/api/v1/catalog, /api/v1/auth-configs, /api/v1/caller]
  secretStore: true
  publicBaseUrlSetting: LATCHKEY_AUTH_CONFIGS_PUBLIC_BASE_URL
  callsProviders: true
  platformApps: true
  # Deleting an auth config asks connected-apps-service, which owns connections, whether it is in use.
  calls: [connected-apps-service]
connected-apps-service:
  port: 8082
  paths: [/api/v1/connections, /api/v1/connect-sessions, /api/v1/toolkits, /connect, /oauth]
  secretStore: true
  publicBaseUrlSetting: LATCHKEY_CONNECTIONS_PUBLIC_BASE_URL
  callsProviders: true
  platformApps: true
  calls: [token-refresher]
token-refresher:
  port: 8083
  paths: []
  secretStore: true
  callsProviders: true
  platformApps: true
audit-service:
  port: 8084
  paths: [/api/v1/audit-events]
  # Flyway migrates as the schema's owner; a datasource of its own, "retention", deletes expired entries.
  auditRoles: true
gateway:
  port: 8085
  # The data plane: workflows' and agents' calls to connected APIs, credentials applied (read-only Vault policy), and
  # the MCP server with its protected resource metadata (RFC 9728).
  paths: [/api/v1/proxy, /api/v1/actions, /mcp, /.well-known/oauth-protected-resource/mcp]
  secretStore: true
  # Reads secrets and writes none: under the local backend its login role is a member of the reader role only.
  readsSecretsOnly: true
  publicBaseUrlSetting: LATCHKEY_GATEWAY_PUBLIC_BASE_URL
  callsProviders: true
  # A token inside its margin, or one an API refused, is refreshed by token-refresher; a toolkit token is introspected
  # by connected-apps-service, which issues them.
  calls: [token-refresher, connected-apps-service]
console:
  port: 8080
  # The operators' pages: every path the services' prefixes leave (an Ingress prefers the longest prefix).
  paths: [/]
  # No database, no broker, no secret store: it signs users in at the issuer and calls the services' public APIs
  # with the user's own token.
  stateless: true
  calls: [auth-config-service, connected-apps-service, audit-service]
{{- end }}

{{/* The release's name prefix: the release name alone when it already says latchkey. */}}
{{- define "latchkey.fullname" -}}
{{- if contains .Chart.Name .Release.Name }}
{{- .Release.Name | trunc 40 | trimSuffix "-" }}
{{- else }}
{{- printf "%s-%s" .Release.Name .Chart.Name | trunc 40 | trimSuffix "-" }}
{{- end }}
{{- end }}

{{/* A service's object name. Argument: (list $ "auth-config-service"). */}}
{{- define "latchkey.name" -}}
{{- printf "%s-%s" (include "latchkey.fullname" (index . 0)) (index . 1) | trunc 63 | trimSuffix "-" }}
{{- end }}

{{/* The labels a service's pods are selected by. Argument: (list $ "auth-config-service"). */}}
{{- define "latchkey.selectorLabels" -}}
app.kubernetes.io/name: {{ index . 1 }}
app.kubernetes.io/instance: {{ (index . 0).Release.Name }}
{{- end }}

{{/* Every object's labels. Argument: (list $ NAME), NAME a service or "latchkey" for what the services share. */}}
{{- define "latchkey.labels" -}}
{{ include "latchkey.selectorLabels" . }}
app.kubernetes.io/part-of: latchkey
app.kubernetes.io/version: {{ (index . 0).Chart.AppVersion | quote }}
app.kubernetes.io/managed-by: {{ (index . 0).Release.Service }}
helm.sh/chart: {{ printf "%s-%s" (index . 0).Chart.Name (index . 0).Chart.Version }}
{{- end }}

{{/* A service's image: <registry>/<service>:<tag>. Argument: (list $ "auth-config-service"). */}}
{{- define "latchkey.image" -}}
{{- $image := (index . 0).Values.image }}
{{- printf "%s/%s:%s" ($image.registry | trimSuffix "/") (index . 1) ($image.tag | default (index . 0).Chart.AppVersion) }}
{{- end }}

{{/* Kafka's security.protocol, from whether TLS and SASL are on. */}}
{{- define "latchkey.kafkaSecurityProtocol" -}}
{{- $kafka := .Values.kafka }}
{{- if $kafka.sasl.mechanism }}{{ ternary "SASL_SSL" "SASL_PLAINTEXT" $kafka.tls.enabled }}
{{- else }}{{ ternary "SSL" "PLAINTEXT" $kafka.tls.enabled }}
{{- end }}
{{- end }}

{{/* Kafka's sasl.jaas.config. Argument: (list $ PRINCIPAL PASSWORD): PRINCIPAL a kafkaPrincipal of the values,
PASSWORD a reference the consumer expands. */}}
{{- define "latchkey.kafkaJaasConfig" -}}
{{- $sasl := (index . 0).Values.kafka.sasl }}
{{- $module := ternary "org.apache.kafka.common.security.plain.PlainLoginModule" "org.apache.kafka.common.security.scram.ScramLoginModule" (eq $sasl.mechanism "PLAIN") }}
{{- printf "%s required username=\"%s\" password=\"%s\";" $module (index . 1).username (index . 2) }}
{{- end }}

{{/* What each service's Kafka principal may do: Write on the topics of the events it publishes (libs/events'
EventType.publishers: a topic's owner, and every service for its access denials), Read on the topics it consumes.
deploy/chart-checks compares the Write grants with the code. */}}
{{- define "latchkey.kafkaGrants" -}}
auth-config-service:
  write: [latchkey.auth-configs.v1, latchkey.access.v1]
  read: [latchkey.connections.v1, latchkey.access.v1]
connected-apps-service:
  write: [latchkey.connections.v1, latchkey.access.v1, latchkey.toolkits.v1]
  read: [latchkey.auth-configs.v1, latchkey.tokens.v1]
token-refresher:
  write: [latchkey.tokens.v1, latchkey.access.v1]
  read: [latchkey.auth-configs.v1, latchkey.connections.v1]
audit-service:
  write: [latchkey.access.v1]
  read: [latchkey.auth-configs.v1, latchkey.connections.v1, latchkey.tokens.v1, latchkey.access.v1, latchkey.toolkits.v1]
gateway:
  write: [latchkey.access.v1]
  read: [latchkey.auth-configs.v1, latchkey.connections.v1, latchkey.tokens.v1]
{{- end }}

{{/* Where the CA certificates of PostgreSQL, Kafka and Vault are mounted, each from its Secret's ca.crt. */}}
{{- define "latchkey.caPath" -}}
/etc/latchkey/{{ . }}-ca/ca.crt
{{- end }}

{{/* Where the projected service account token that Vault's Kubernetes auth checks is mounted (and, with
secrets.vault.useKubernetesCa, the cluster's CA certificate). */}}
{{- define "latchkey.vaultTokenDir" -}}
/var/run/secrets/latchkey/vault
{{- end }}

{{/* Where the operator's OAuth2 apps file is mounted, from platformApps.existingSecret. */}}
{{- define "latchkey.platformAppsDir" -}}
/etc/latchkey/platform-apps
{{- end }}

{{/* Where the local secret backend's master keyset is mounted (a directory, so that rotations reach running pods). */}}
{{- define "latchkey.masterKeyDir" -}}
/etc/latchkey/master-key
{{- end }}

{{/*
A service's settings that are not secret, as environment variables (Quarkus maps QUARKUS_DATASOURCE_REACTIVE_URL to
quarkus.datasource.reactive.url, KAFKA_* to the Kafka clients' settings). Its ConfigMap holds them; the Deployment
carries their checksum. Argument: (list $ "auth-config-service").
*/}}
{{- define "latchkey.config" -}}
{{- $root := index . 0 }}
{{- $name := index . 1 }}
{{- $services := include "latchkey.services" $root | fromYaml }}
{{- $service := index $services $name }}
{{- $values := index $root.Values.services $name }}
{{- $pg := $root.Values.postgresql }}
{{- $kafka := $root.Values.kafka }}
{{- $oidc := $root.Values.oidc }}
{{- $config := dict }}
{{- if $service.stateless }}
{{- /* The console: sign-in at the issuer as its own client; behind the Ingress, the redirect URI it builds takes the
       scheme and host the browser used (X-Forwarded-Proto, X-Forwarded-Host). */}}
{{- $_ := set $config "QUARKUS_OIDC_AUTH_SERVER_URL" $oidc.issuer }}
{{- $_ := set $config "QUARKUS_OIDC_CLIENT_ID" $oidc.console.clientId }}
{{- $issuer := urlParse $oidc.issuer }}
{{- $_ := set $config "LATCHKEY_CONSOLE_IDENTITY_ORIGIN" (printf "%s://%s" $issuer.scheme $issuer.host) }}
{{- $_ := set $config "QUARKUS_HTTP_PROXY_PROXY_ADDRESS_FORWARDING" "true" }}
{{- $_ := set $config "QUARKUS_HTTP_PROXY_ENABLE_FORWARDED_HOST" "true" }}
{{- else }}
{{- /* PostgreSQL: JDBC for Flyway, the reactive client for the service, as the service's own login role; audit-service
       migrates as its schema's owner and deletes expired entries through a second reactive datasource. */}}
{{- $reactive := list "QUARKUS_DATASOURCE_REACTIVE" }}
{{- if $service.auditRoles }}
{{- $reactive = append $reactive "QUARKUS_DATASOURCE_RETENTION_REACTIVE" }}
{{- $_ := set $config "QUARKUS_FLYWAY_USERNAME" $root.Values.audit.owner.username }}
{{- $_ := set $config "QUARKUS_DATASOURCE_RETENTION_USERNAME" $root.Values.audit.retention.username }}
{{- end }}
{{- $jdbcParams := printf "sslmode=%s" $pg.sslMode }}
{{- if and (hasPrefix "verify-" $pg.sslMode) (not $pg.caSecret) }}
{{- fail (printf "postgresql.sslMode %s checks the server's certificate: set postgresql.caSecret" $pg.sslMode) }}
{{- end }}
{{- if $pg.caSecret }}
{{- $jdbcParams = printf "%s&sslrootcert=%s" $jdbcParams (include "latchkey.caPath" "postgresql") }}
{{- end }}
{{- range $prefix := $reactive }}
{{- if $pg.caSecret }}
{{- $_ := set $config (printf "%s_TRUST_CERTIFICATE_PEM" $prefix) "true" }}
{{- $_ := set $config (printf "%s_TRUST_CERTIFICATE_PEM_CERTS" $prefix) (include "latchkey.caPath" "postgresql") }}
{{- else if eq $pg.sslMode "require" }}
{{- /* libpq's meaning of require: encrypted, the server's certificate not checked. */}}
{{- $_ := set $config (printf "%s_TRUST_ALL" $prefix) "true" }}
{{- end }}
{{- if eq $pg.sslMode "verify-full" }}
{{- $_ := set $config (printf "%s_HOSTNAME_VERIFICATION_ALGORITHM" $prefix) "HTTPS" }}
{{- end }}
{{- end }}
{{- $_ := set $config "QUARKUS_DATASOURCE_JDBC_URL" (printf "jdbc:postgresql://%s:%d/%s?%s" $pg.host (int $pg.port) $pg.database $jdbcParams) }}
{{- $_ := set $config "QUARKUS_DATASOURCE_REACTIVE_URL" (printf "postgresql://%s:%d/%s?sslmode=%s" $pg.host (int $pg.port) $pg.database $pg.sslMode) }}
{{- $_ := set $config "QUARKUS_DATASOURCE_USERNAME" $values.database.username }}
{{- /* Kafka: every client of the service (channels, the outbox relay, the health check) reads kafka.*. */}}
{{- $_ := set $config "KAFKA_BOOTSTRAP_SERVERS" $kafka.bootstrapServers }}
{{- $_ := set $config "KAFKA_SECURITY_PROTOCOL" (include "latchkey.kafkaSecurityProtocol" $root) }}
{{- if $kafka.sasl.mechanism }}
{{- $_ := set $config "KAFKA_SASL_MECHANISM" $kafka.sasl.mechanism }}
{{- end }}
{{- if and $kafka.tls.enabled $kafka.tls.caSecret }}
{{- $_ := set $config "KAFKA_SSL_TRUSTSTORE_TYPE" "PEM" }}
{{- $_ := set $config "KAFKA_SSL_TRUSTSTORE_LOCATION" (include "latchkey.caPath" "kafka") }}
{{- end }}
{{- /* Bearer tokens: the issuer, the audience they must carry, and the claims with the tenant and the roles. */}}
{{- $_ := set $config "QUARKUS_OIDC_AUTH_SERVER_URL" $oidc.issuer }}
{{- $_ := set $config "QUARKUS_OIDC_TOKEN_AUDIENCE" $oidc.audience }}
{{- $_ := set $config "QUARKUS_OIDC_ROLES_ROLE_CLAIM_PATH" $oidc.rolesClaim }}
{{- $_ := set $config "LATCHKEY_SECURITY_ROLES_CLAIM" $oidc.rolesClaim }}
{{- $_ := set $config "LATCHKEY_SECURITY_TENANT_CLAIM" $oidc.tenantClaim }}
{{- end }}
{{- if not $service.stateless }}
{{- with $root.Values.outbound.allowHosts }}
{{- $_ := set $config "LATCHKEY_OUTBOUND_ALLOW_HOSTS" (join "," .) }}
{{- end }}
{{- with $root.Values.outbound.allowCidrs }}
{{- $_ := set $config "LATCHKEY_OUTBOUND_ALLOW_CIDRS" (join "," .) }}
{{- end }}
{{- end }}
{{- if and $service.callsProviders $root.Values.outbound.caSecret }}
{{- $_ := set $config "LATCHKEY_OUTBOUND_TRUSTED_CERTIFICATES" (include "latchkey.caPath" "outbound") }}
{{- if eq $name "gateway" }}
{{- $_ := set $config "LATCHKEY_GATEWAY_TRUSTED_CERTIFICATES" (include "latchkey.caPath" "outbound") }}
{{- end }}
{{- end }}
{{- if and $service.platformApps $root.Values.platformApps.existingSecret }}
{{- $_ := set $config "LATCHKEY_PLATFORM_APPS_FILE" (printf "%s/%s" (include "latchkey.platformAppsDir" $root) $root.Values.platformApps.key) }}
{{- end }}
{{- $_ := set $config "JDK_JAVA_OPTIONS" $root.Values.javaOptions }}
{{- if $service.secretStore }}
{{- $secrets := $root.Values.secrets }}
{{- $_ := set $config "LATCHKEY_SECRETS_BACKEND" $secrets.backend }}
{{- if eq $secrets.backend "vault" }}
{{- $_ := set $config "QUARKUS_VAULT_URL" $secrets.vault.address }}
{{- $_ := set $config "QUARKUS_VAULT_AUTHENTICATION_KUBERNETES_ROLE" $values.vaultRole }}
{{- $_ := set $config "QUARKUS_VAULT_AUTHENTICATION_KUBERNETES_AUTH_MOUNT_PATH" $secrets.vault.authMount }}
{{- $_ := set $config "QUARKUS_VAULT_AUTHENTICATION_KUBERNETES_JWT_TOKEN_PATH" (printf "%s/token" (include "latchkey.vaultTokenDir" $root)) }}
{{- $_ := set $config "LATCHKEY_SECRETS_VAULT_MOUNT" $secrets.vault.kvMount }}
{{- /* Under Kubernetes auth quarkus-vault would trust the cluster's CA alone, from a file this pod does not mount:
       the CA is always named here (or none, for the JVM's trusted CAs). */}}
{{- $_ := set $config "QUARKUS_VAULT_TLS_USE_KUBERNETES_CA_CERT" "false" }}
{{- if and $secrets.vault.useKubernetesCa $secrets.vault.caSecret }}
{{- fail "secrets.vault: set caSecret or useKubernetesCa, not both" }}
{{- else if $secrets.vault.useKubernetesCa }}
{{- $_ := set $config "QUARKUS_VAULT_TLS_CA_CERT" (printf "%s/ca.crt" (include "latchkey.vaultTokenDir" $root)) }}
{{- else if $secrets.vault.caSecret }}
{{- $_ := set $config "QUARKUS_VAULT_TLS_CA_CERT" (include "latchkey.caPath" "vault") }}
{{- end }}
{{- else }}
{{- $_ := set $config "LATCHKEY_MASTER_KEY_FILE" (printf "%s/%s" (include "latchkey.masterKeyDir" $root) $secrets.local.key) }}
{{- if $service.readsSecretsOnly }}
{{- $_ := set $config "LATCHKEY_SECRETS_LOCAL_READ_ONLY" "true" }}
{{- else }}
{{- $_ := set $config "LATCHKEY_SECRETS_LOCAL_OWNER_ROLE" $secrets.local.ownerRole }}
{{- end }}
{{- end }}
{{- end }}
{{- with $service.publicBaseUrlSetting }}
{{- $_ := set $config . ($root.Values.publicBaseUrl | trimSuffix "/") }}
{{- end }}
{{- range $callee := $service.calls }}
{{- $url := printf "http://%s:%v" (include "latchkey.name" (list $root $callee)) (index $services $callee).port }}
{{- $_ := set $config (printf "QUARKUS_REST_CLIENT_%s_URL" ($callee | upper | replace "-" "_")) $url }}
{{- if not $service.stateless }}
{{- $_ := set $config "QUARKUS_OIDC_CLIENT_CLIENT_ID" $oidc.client.id }}
{{- end }}
{{- end }}
{{- range $key, $value := $values.config }}
{{- $_ := set $config $key $value }}
{{- end }}
{{- range $key, $value := $config }}
{{ $key }}: {{ $value | toString | quote }}
{{- end }}
{{- end }}

{{/*
The egress NetworkPolicy's peers for "any public address": all of IPv4 and IPv6 except private, shared (CGNAT),
loopback, link-local, multicast and reserved ranges, and the cluster's own CIDRs.
*/}}
{{- define "latchkey.publicAddresses" -}}
{{- $public := .Values.networkPolicy.egress.publicAddresses }}
{{- $ipv4Except := $public.ipv4Except }}
{{- $ipv6Except := $public.ipv6Except }}
{{- range $public.clusterCidrs }}
{{- if contains ":" . }}{{ $ipv6Except = append $ipv6Except . }}{{ else }}{{ $ipv4Except = append $ipv4Except . }}{{ end }}
{{- end }}
- ipBlock:
    cidr: 0.0.0.0/0
    except:
      {{- toYaml $ipv4Except | nindent 6 }}
- ipBlock:
    cidr: ::/0
    except:
      {{- toYaml $ipv6Except | nindent 6 }}
{{- end }}
