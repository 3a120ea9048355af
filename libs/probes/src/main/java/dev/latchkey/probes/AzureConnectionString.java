package dev.latchkey.probes;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * An Azure Storage connection string ({@code AccountName=…;AccountKey=…;EndpointSuffix=…}, or a {@code BlobEndpoint} with
 * a {@code SharedAccessSignature}), as the Azure portal gives it. Holds the key: never print it.
 */
record AzureConnectionString(String accountName, Optional<String> accountKey, String blobEndpoint,
                             Optional<String> sharedAccessSignature) {

    /** Azurite's documented account, which {@code UseDevelopmentStorage=true} names. */
    private static final String EMULATOR_ACCOUNT = "devstoreaccount1";
    private static final String EMULATOR_KEY =
            "Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==";

    static AzureConnectionString parse(String text) {
        Map<String, String> fields = new HashMap<>();
        for (String part : text.strip().split(";")) {
            int equals = part.indexOf('=');
            if (equals > 0) {
                fields.put(part.substring(0, equals).strip().toLowerCase(Locale.ROOT), part.substring(equals + 1).strip());
            }
        }
        if ("true".equalsIgnoreCase(fields.get("usedevelopmentstorage"))) {
            return new AzureConnectionString(EMULATOR_ACCOUNT, Optional.of(EMULATOR_KEY), "http://127.0.0.1:10000/" + EMULATOR_ACCOUNT,
                    Optional.empty());
        }
        Optional<String> signature = Optional.ofNullable(fields.get("sharedaccesssignature")).map(sas -> sas.replaceFirst("^\\?", ""));
        Optional<String> key = Optional.ofNullable(fields.get("accountkey"));
        String account = fields.get("accountname");
        if (key.isEmpty() && signature.isEmpty()) {
            throw invalid("it has neither an AccountKey nor a SharedAccessSignature");
        }
        if (key.isPresent() && account == null) {
            throw invalid("an AccountKey needs its AccountName");
        }
        String endpoint = fields.get("blobendpoint");
        if (endpoint == null) {
            if (account == null) {
                throw invalid("it names neither a BlobEndpoint nor an AccountName");
            }
            endpoint = fields.getOrDefault("defaultendpointsprotocol", "https") + "://" + account + ".blob."
                    + fields.getOrDefault("endpointsuffix", "core.windows.net");
        }
        return new AzureConnectionString(account == null ? endpoint : account, key, endpoint, signature);
    }

    private static ProbeFailure invalid(String why) {
        return new ProbeFailure(FailureCategory.CONFIG, "the connection string is incomplete: " + why);
    }

    @Override
    public String toString() {
        return "AzureConnectionString[" + accountName + ", " + blobEndpoint + "]";
    }
}
